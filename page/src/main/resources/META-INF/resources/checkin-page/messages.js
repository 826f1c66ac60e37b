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
    signInDeniedTitle: 'You are not signed in',
    signInDeniedText: 'Sign-in was cancelled, so nothing was recorded. You need to sign in to check in here.',
    signInFailedTitle: 'Sign-in did not work',
    signInFailedText: 'Nothing was recorded. Please sign in again, or scan the code again.',
    signInAgain: 'Sign in again',
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
    unavailableText: 'Your scan is saved on this phone. It will be sent again in {seconds} seconds, or the next time you open the check-in page. It will be recorded only once.',
    offlineTitle: 'No connection',
    offlineText: 'Your scan is saved on this phone and will be sent when you are online again, also if you close this page. It will be recorded only once.',
    expiredTitle: 'Too old to send',
    expiredText: 'This scan was saved more than 24 hours ago and can no longer be recorded. If you are here now, scan the code again.',
    earlierUnsent: 'An earlier scan could not be recorded: see My visits.',
    invalidCodeTitle: 'This is not a venue code',
    invalidCodeText: 'The link is damaged or was not made by the check-in service. Please scan the poster again.',
    signInAgainTitle: 'Please sign in again',
    problemTitle: 'Something went wrong',
    problemText: 'Your scan was not recorded. Please scan the code again, or ask the staff.',
    retry: 'Try again now',
    scanAgain: 'New scan',
    myVisits: 'My visits',
    visitsSignIn: 'Sign in to see your visits',
    visitsLead: 'The last 14 days, newest first.',
    waitingTitle: 'Waiting to be sent',
    waitingText: 'Saved on this phone, sent when you are online.',
    unsentTitle: 'Not recorded',
    scannedAt: 'scanned {time}',
    noVisits: 'No visits in the last 14 days.',
    visitsOffline: 'Your visits cannot be loaded without a connection.',
    more: 'Show more',
    noExitScan: 'no exit scan',
    noEntryScan: 'no entry scan',
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
    signInDeniedTitle: '您尚未登录',
    signInDeniedText: '登录已取消，本次扫码未被记录。登录后才能在此登记。',
    signInFailedTitle: '登录未成功',
    signInFailedText: '本次扫码未被记录。请重新登录，或重新扫码。',
    signInAgain: '重新登录',
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
    unavailableText: '您的扫码已保存在手机上，将在 {seconds} 秒后或下次打开登记页面时自动重新发送。同一次扫码只会记录一次。',
    offlineTitle: '没有网络',
    offlineText: '您的扫码已保存在手机上，联网后会自动发送，关闭本页面也不影响。同一次扫码只会记录一次。',
    expiredTitle: '扫码已过期',
    expiredText: '此次扫码保存已超过 24 小时，无法再登记。如果您现在在此场所，请重新扫码。',
    earlierUnsent: '之前有一次扫码未能登记，请查看“我的到访记录”。',
    invalidCodeTitle: '这不是场所码',
    invalidCodeText: '链接已损坏或并非本登记服务生成。请重新扫描海报上的码。',
    signInAgainTitle: '请重新登录',
    problemTitle: '出现问题',
    problemText: '本次扫码未被记录。请重新扫码，或咨询工作人员。',
    retry: '立即重试',
    scanAgain: '重新扫码',
    myVisits: '我的到访记录',
    visitsSignIn: '登录后查看到访记录',
    visitsLead: '最近 14 天，最新的在前。',
    waitingTitle: '等待发送',
    waitingText: '已保存在手机上，联网后发送。',
    unsentTitle: '未被记录',
    scannedAt: '扫码时间 {time}',
    noVisits: '最近 14 天没有到访记录。',
    visitsOffline: '没有网络，无法加载到访记录。',
    more: '显示更多',
    noExitScan: '未扫离场码',
    noEntryScan: '未扫进场码',
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
  'client-at-too-old': 'expired',
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

/** The title and text of each screen that ends a scan for good; a scan refused for another reason gets `problem`. */
export const FINAL_SCREENS = {
  revoked: ['revokedTitle', 'revokedText'],
  suspended: ['suspendedTitle', 'suspendedText'],
  'wrong-direction': ['wrongDirectionTitle', 'wrongDirectionText'],
  'invalid-code': ['invalidCodeTitle', 'invalidCodeText'],
  expired: ['expiredTitle', 'expiredText'],
  problem: ['problemTitle', 'problemText'],
};

/** The screen for a scan refused for good with this problem code (or expired before it was sent). */
export function finalScreen(problemCode) {
  const screen = PROBLEM_SCREENS[problemCode];
  return FINAL_SCREENS[screen] ? screen : 'problem';
}

/** This page's language, from the browser's. */
export const lang = language(navigator.language);

/** The message under key in this page's language. */
export const t = (key, params) => message(lang, key, params);
