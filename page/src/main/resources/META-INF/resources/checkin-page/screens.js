// The screens, drawn from data with textContent only: a venue name is the venue manager's text and is never read
// as HTML. Each screen sets data-screen on <main>, which the browser tests read.

const main = () => document.getElementById('screen');

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Replaces the screen: its name, its tone (entry, exit, warn, stop, quiet) and its content. */
export function show(name, tone, ...children) {
  const screen = main();
  screen.dataset.screen = name;
  screen.className = 'tone-' + tone;
  screen.replaceChildren(...children.filter(Boolean));
  const heading = screen.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

export function venueHeader(t, code) {
  const header = element('header', 'venue');
  header.append(element('p', 'direction', t(code.direction === 'IN' ? 'entry' : 'exit')));
  header.append(element('p', 'venue-name', code.venueName));
  return header;
}

export function heading(text) {
  return element('h1', null, text);
}

export function paragraph(text, className) {
  return element('p', className || 'note', text);
}

export function button(text, onClick, className) {
  const node = element('button', className || 'action', text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/**
 * A clock that runs and a mark that moves: a screenshot or a screen recording shown at the door stops, a live
 * page does not. The seconds tick and the ring turns.
 */
export function liveClock(t, lang) {
  const box = element('div', 'live');
  box.append(element('span', 'pulse'));
  const label = element('span', 'live-label', t('liveClock'));
  const time = element('time', 'live-time');
  const tick = () => {
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = clockTime(now, lang, true);
  };
  tick();
  setInterval(tick, 1000);
  box.append(label, time);
  return box;
}

export function form(t, onSubmit) {
  const node = element('form', 'sign-in');
  const label = element('label', null, t('signInName'));
  const input = element('input');
  input.name = 'name';
  input.id = 'name';
  input.autocomplete = 'name';
  input.required = true;
  input.maxLength = 64;
  label.htmlFor = 'name';
  const submit = element('button', 'action', t('signInButton'));
  submit.type = 'submit';
  node.append(label, input, submit);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name) {
      submit.disabled = true;
      onSubmit(name).finally(() => { submit.disabled = false; });
    }
  });
  return node;
}

/** A time of day in the phone's own zone and language: 14:03:27. */
export function clockTime(date, lang, seconds) {
  return date.toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB',
    { hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined });
}

/** A date and time in the phone's own zone: 29 Nov 2026, 14:03. */
export function dateTime(date, lang) {
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB',
    { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A link to another page of the check-in page, such as the person's visits. */
export function link(text, href) {
  const node = element('a', 'link', text);
  node.href = href;
  return node;
}

/** A list of items, each made of lines of text (the first one bold). */
export function list(className, items) {
  const node = element('ul', className);
  items.forEach((lines) => {
    const item = element('li');
    lines.filter(Boolean).forEach((line, index) => item.append(element(index === 0 ? 'strong' : 'span', null, line)));
    node.append(item);
  });
  return node;
}

/** A section of a screen with its heading. */
export function section(title, ...children) {
  const node = element('section');
  node.append(element('h2', null, title), ...children.filter(Boolean));
  return node;
}
