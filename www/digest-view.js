// How the widget and the extension show a digest, so a change to how a directive is
// shown is made once: the DOM helper, a directive's rows, a list of directives shown a
// page at a time behind a “Hiện thêm” button, and the highlight of a sentence in the
// site's page with the scroll to it. Article text is only ever inserted as text.

import { paintRanges } from './highlight.js';
import { ROWS_PER_PAGE, UNNAMED, clip, cueTitle, kindName, moreLabel } from './kinds.js';

/**
 * `document.createElement` with properties (hyphenated names, such as `aria-*`, set as
 * attributes) and children (text children stay text).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key in el && !key.includes('-')) el[key] = value;
    else el.setAttribute(key, value);
  }
  el.append(...children);
  return el;
}

/** The rows of a directive's item: who orders (and the kind, the cue as its tooltip), whom, and each task; long texts cut. */
export function directiveRows(d) {
  const row = (label, ...value) => h('span', { className: 'row' }, h('span', { className: 'label' }, `${label}: `), ...value);
  return [
    row('Ai chỉ đạo', h('span', { className: 'value' }, clip(d.issuer?.text ?? UNNAMED)), h('span', { className: 'kind', title: cueTitle(d) }, kindName(d.kind))),
    row('Giao cho ai', h('span', { className: 'value' }, clip(d.addressee?.text ?? UNNAMED))),
    row('Việc cần làm'),
    ...d.actions.map((a) => h('span', { className: 'action' }, clip(a.text))),
  ];
}

/**
 * Directives listed in `list` ROWS_PER_PAGE at a time (a long text's thousands at once
 * froze the page), each as the child element `item(d)` makes (an `<li>`, a table row).
 * Returns `{ more, show }`: `more` is the “Hiện thêm” button after the list (the one
 * given, or a new one to place), `show(directives)` starts the list over. A press of
 * `more` adds the next page and focuses its first button.
 */
export function pagedDirectives(list, item, more = h('button', { type: 'button', className: 'more', hidden: true })) {
  let directives = [];
  const next = (asked) => {
    const from = list.children.length;
    const to = Math.min(directives.length, from + ROWS_PER_PAGE);
    list.append(...directives.slice(from, to).map(item));
    const left = directives.length - to;
    more.hidden = left === 0;
    more.textContent = moreLabel(left);
    if (asked && to > from) list.children[from].querySelector('button')?.focus();
  };
  more.addEventListener('click', () => next(true));
  return {
    more,
    show(all) {
      directives = all;
      list.replaceChildren();
      next(false);
    },
  };
}

/**
 * Paints `ranges` (of the page's text) as the `<prefix>-sentence` highlight and scrolls
 * the first into the middle of the view, without animation when the reader asks for
 * reduced motion.
 */
export function highlightAndScroll(ranges, prefix) {
  paintRanges({ sentence: ranges }, { prefix });
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}
