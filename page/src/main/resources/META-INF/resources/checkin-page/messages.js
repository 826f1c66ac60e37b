// What the page says, in English and Chinese, chosen from the browser's language. Every problem code the scan
// functions answer (docs/api.md) has a message here; a code not listed gets the general one, never raw JSON.

const MESSAGES = {
  en: {
    title: 'Check-in',
    entry: 'Entry',
    exit: 'Exit',
    checkingIn: 'Checking you in…',
    checkingOut: 'Checking you out…',
    signInTitle: 'Sign in to check in',
    signInLead: 'You are at {venue}.',
    signInName: 'Your name',
    signInButton: 'Sign in and continue',
    signInFailed: 'Sign-in did not work. Please try again.',
    recordedIn: 'You are checked in',
    recordedOut: 'You are checked out',
    at: 'at {time}',
    liveClock: 'Now',
    showStaff: 'Show this screen to the staff.',
    duplicateTitle: 'Already recorded',
    duplicateIn: 'You were already checked in here at {time}.',
    duplicateOut: 'You were already checked out here at {time}.',
    revokedTitle: 'This code is no longer valid',
    revokedText: 'The venue has printed new codes. Please scan the code on the current poster.',
    suspendedTitle: 'Check-in is paused here',
    suspendedText: 'This venue is suspended and cannot take check-ins now. Please ask the staff.',
    wrongDirectionTitle: 'Wrong code for this',
    wrongDirectionText: 'This code is for the other direction. Scan the entry code when you arrive and the exit code when you leave.',
    tooManyTitle: 'Too many scans',
    tooManyText: 'You have scanned many codes in the last minute. Please wait {seconds} seconds; this page will try again by itself.',
    unavailableTitle: 'The service is busy',
    unavailableText: 'Your scan is saved on this phone. It will be sent again in {seconds} seconds; keep this page open. It will be recorded only once.',
    offlineTitle: 'No connection',
    offlineText: 'Your scan is saved on this phone and will be sent as soon as you are online again. It will be recorded only once.',
    invalidCodeTitle: 'This is not a venue code',
    invalidCodeText: 'The link is damaged or was not made by the check-in service. Please scan the poster again.',
    signInAgainTitle: 'Please sign in again',
    problemTitle: 'Something went wrong',
    problemText: 'Your scan was not recorded. Please scan the code again, or ask the staff.',
    retry: 'Try again now',
    scanAgain: 'New scan',
  },
  zh: {
    title: '场所登记',
    entry: '进场',
    exit: '离场',
    checkingIn: '正在登记进场…',
    checkingOut: '正在登记离场…',
    signInTitle: '登录后登记',
    signInLead: '您所在的场所：{venue}',
    signInName: '您的姓名',
    signInButton: '登录并继续',
    signInFailed: '登录失败，请重试。',
    recordedIn: '已登记进场',
    recordedOut: '已登记离场',
    at: '时间 {time}',
    liveClock: '当前时间',
    showStaff: '请向工作人员出示此页面。',
    duplicateTitle: '已经登记过',
    duplicateIn: '您已于 {time} 在此登记进场。',
    duplicateOut: '您已于 {time} 在此登记离场。',
    revokedTitle: '此场所码已失效',
    revokedText: '场所已更换新码，请扫描现场张贴的新码。',
    suspendedTitle: '此场所暂停登记',
    suspendedText: '此场所已被暂停，目前无法登记。请咨询工作人员。',
    wrongDirectionTitle: '扫错了码',
    wrongDirectionText: '此码用于另一方向。进场请扫进场码，离场请扫离场码。',
    tooManyTitle: '扫码过于频繁',
    tooManyText: '您在一分钟内扫码次数过多。请等待 {seconds} 秒，本页面会自动重试。',
    unavailableTitle: '服务繁忙',
    unavailableText: '您的扫码已保存在手机上，将在 {seconds} 秒后自动重新发送，请保持本页面打开。同一次扫码只会记录一次。',
    offlineTitle: '没有网络',
    offlineText: '您的扫码已保存在手机上，联网后会自动发送。同一次扫码只会记录一次。',
    invalidCodeTitle: '这不是场所码',
    invalidCodeText: '链接已损坏或并非本登记服务生成。请重新扫描海报上的码。',
    signInAgainTitle: '请重新登录',
    problemTitle: '出现问题',
    problemText: '本次扫码未被记录。请重新扫码，或咨询工作人员。',
    retry: '立即重试',
    scanAgain: '重新扫码',
  },
};

/** Which screen each problem code of scan-in and scan-out leads to; any other code is the general problem screen. */
export const PROBLEM_SCREENS = {
  'code-revoked': 'revoked',
  'venue-suspended': 'suspended',
  'code-wrong-direction': 'wrong-direction',
  'code-malformed': 'invalid-code',
  'code-unknown-key': 'invalid-code',
  'code-signature-invalid': 'invalid-code',
  'too-many-scans': 'too-many-scans',
  'store-unavailable': 'unavailable',
  overloaded: 'unavailable',
  'shutting-down': 'unavailable',
  unauthorized: 'sign-in',
  forbidden: 'sign-in',
};

/** The language of the page from the browser's (navigator.language): Chinese for zh and zh-*, English otherwise. */
export function language(browserLanguage) {
  return /^zh(-|$)/i.test(browserLanguage || '') ? 'zh' : 'en';
}

/** The message under key in lang, with {name} placeholders filled in. */
export function message(lang, key, params = {}) {
  const text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
