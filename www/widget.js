// The news-site widget: `<tom-tat>`, a custom element that finds the article on its
// page, digests it in the tomtat worker and shows a collapsible panel with the summary
// and the directives; a click on an item highlights that sentence in the site's own
// article. A site adds two lines:
//
//   <script type="module" src="/tomtat/widget.js"></script>
//   <tom-tat></tom-tat>
//
// Everything the widget shows lives in its Shadow DOM, styled by a constructed
// stylesheet (CSP-safe, no inline <style>), so the site's CSS cannot reach it and its
// CSS cannot leak. The worker, the wasm and the word model are loaded only when the
// element comes into view or is opened, from URLs relative to this script. The only
// thing added to the host document is one constructed stylesheet with the ::highlight()
// rule, which must live there because the highlighted text is the site's; the site's
// DOM is never changed (except by the `<mark>` fallback in browsers without
// CSS.highlights).
// Article text is only ever inserted as text. Defines no global but the element.

import { createDigester } from './digester.js';
import { clearHighlights } from './highlight.js';
import { findArticle, rangesFor } from './find-article.js';
import { clip } from './kinds.js';
import { directiveRows, h, highlightAndScroll, pagedDirectives } from './digest-view.js';

/** The element's tag. */
const TAG = 'tom-tat';
/** Prefix of the highlights (and fallback marks) the widget draws in the host page. */
const PREFIX = 'tomtat-widget';
/** Summary length asked of the digest unless the `length` attribute says otherwise. */
const DEFAULT_LENGTH = 'short';
const LENGTHS = new Set(['short', 'medium', 'long']);
/** Start loading a little before the element scrolls into view. */
const NEAR_VIEW = '300px';

/**
 * The panel's styles. Every `:host` declaration is `!important` because a page's rules
 * for the host element (say `* { padding: 40px }`) otherwise win over `:host`; `all:
 * initial` there and on `.box` cuts inheritance from the page (font, colour, spacing,
 * text-transform). Custom properties are not reset by `all`, which is what lets a site
 * theme the widget through `--tomtat-*`.
 */
const PANEL_CSS = `
:host {
  all: initial !important;
  display: block !important;
  margin: var(--tomtat-margin, 1.25em 0) !important;
  max-width: var(--tomtat-max-width, none) !important;
  contain: content !important;
}
:host([hidden]) { display: none !important; }
.box {
  all: initial;
  display: block;
  box-sizing: border-box;
  font: 400 var(--tomtat-font-size, 15px) / 1.5 var(--tomtat-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  color: var(--tomtat-text, #1f2328);
  background: var(--tomtat-background, #ffffff);
  border: 1px solid var(--tomtat-border, #d0d7de);
  border-inline-start: 4px solid var(--tomtat-accent, #b3261e);
  border-radius: var(--tomtat-radius, 8px);
  overflow: hidden;
  text-align: start;
  color-scheme: light;
}
.box *, .box *::before, .box *::after { box-sizing: border-box; }
button {
  all: unset;
  box-sizing: border-box;
  cursor: pointer;
  display: block;
  width: 100%;
  font: inherit;
  color: inherit;
  text-align: start;
}
button:focus-visible { outline: 2px solid var(--tomtat-accent, #b3261e); outline-offset: -2px; }
.toggle {
  display: flex;
  align-items: center;
  gap: 0.6em;
  padding: 0.7em 1em;
  font-weight: 700;
  color: var(--tomtat-accent, #b3261e);
}
.toggle:hover { background: var(--tomtat-hover, rgba(0, 0, 0, 0.04)); }
.toggle .title { flex: 1; }
.toggle .count { font-weight: 400; font-size: 0.87em; color: var(--tomtat-muted, #59636e); }
.chevron {
  width: 0.6em;
  height: 0.6em;
  border-right: 2px solid currentColor;
  border-bottom: 2px solid currentColor;
  transform: rotate(45deg);
  transition: transform 0.15s;
}
.toggle[aria-expanded="true"] .chevron { transform: rotate(-135deg); }
.body { display: block; padding: 0 1em 0.9em; }
.body[hidden] { display: none; }
h2 {
  display: block;
  margin: 0.9em 0 0.4em;
  font-size: 0.8em;
  font-weight: 700;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--tomtat-muted, #59636e);
}
ol, ul { display: block; margin: 0; padding: 0; list-style: none; }
li { display: block; margin: 0 0 0.4em; }
.item {
  padding: 0.45em 0.6em;
  border-radius: calc(var(--tomtat-radius, 8px) - 3px);
  background: var(--tomtat-item, rgba(0, 0, 0, 0.035));
}
.item:hover { background: var(--tomtat-hover, rgba(0, 0, 0, 0.07)); }
.item[aria-current="true"] { box-shadow: inset 3px 0 0 var(--tomtat-accent, #b3261e); background: var(--tomtat-active, rgba(179, 38, 30, 0.08)); }
.row { display: block; }
.label { font-size: 0.85em; color: var(--tomtat-muted, #59636e); }
.value { font-weight: 600; }
.kind {
  display: inline-block;
  margin-inline-start: 0.4em;
  padding: 0 0.45em;
  border-radius: 1em;
  font-size: 0.78em;
  color: var(--tomtat-accent, #b3261e);
  border: 1px solid currentColor;
}
.action { display: block; padding-inline-start: 1em; text-indent: -0.8em; }
.action::before { content: "• "; color: var(--tomtat-accent, #b3261e); }
.more { margin: 0.2em 0 0; padding: 0.45em 0.6em; font-size: 0.87em; font-weight: 600; color: var(--tomtat-accent, #b3261e); }
.more:hover { background: var(--tomtat-hover, rgba(0, 0, 0, 0.07)); }
.more[hidden] { display: none; }
.status, .empty, .note { display: block; margin: 0.6em 0 0; font-size: 0.87em; color: var(--tomtat-muted, #59636e); }
.status.error { color: #b00020; }
.empty[hidden], section[hidden] { display: none; }
section { display: block; }
@media (prefers-reduced-motion: reduce) { .chevron { transition: none; } }
`;

/**
 * The host document's share: the highlight of the chosen sentence. ::highlight() rules
 * apply to text in the tree whose stylesheets hold them, and the text is the site's,
 * so this sheet is adopted by the document (adoptedStyleSheets: no inline style, no
 * DOM node, allowed by any CSP); the `<mark>` rule is for browsers without the API.
 */
const PAGE_CSS = `
::highlight(${PREFIX}-sentence) { background-color: var(--tomtat-highlight, #ffe27a); }
mark[data-highlight="${PREFIX}"] { background-color: var(--tomtat-highlight, #ffe27a); color: inherit; }
`;

let panelSheet;
let pageSheet;

/** The panel's stylesheet, made once and shared by every widget on the page. */
function panelStyles() {
  if (!panelSheet) {
    panelSheet = new CSSStyleSheet();
    panelSheet.replaceSync(PANEL_CSS);
  }
  return panelSheet;
}

/** Adds the highlight rule to `doc` once, the first time something is highlighted. */
function adoptPageStyles(doc) {
  pageSheet ??= new CSSStyleSheet();
  if (pageSheet.cssRules.length === 0) pageSheet.replaceSync(PAGE_CSS);
  if (!doc.adoptedStyleSheets.includes(pageSheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, pageSheet];
}

/**
 * The worker's URL. A browser starts a worker only from the page's own origin, so when
 * the widget is served from elsewhere (a CDN) a one-line module worker from a Blob URL
 * imports the real one (which then needs `worker-src blob:` in a CSP, see docs/widget.md).
 */
function workerUrl() {
  const url = new URL('./worker.js', import.meta.url);
  if (url.origin === location.origin) return url;
  const source = `import ${JSON.stringify(url.href)};`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

/** `<tom-tat for="css selector" length="short|medium|long" open>`: see docs/widget.md. */
class TomTat extends HTMLElement {
  static observedAttributes = ['for', 'length'];

  #shadow;
  #toggle;
  #body;
  #status;
  #count;
  #summary;
  #directives;
  #pager;
  #observer = null;
  #digester = null;
  #started = false;
  #article = null;
  #result = null;
  #generation = 0;
  #highlighted = false;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [panelStyles()];
    this.#count = h('span', { className: 'count' });
    this.#toggle = h(
      'button',
      { type: 'button', className: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'body' },
      h('span', { className: 'title' }, 'Tóm tắt bài viết'),
      this.#count,
      h('span', { className: 'chevron', 'aria-hidden': 'true' }),
    );
    this.#status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
    this.#summary = this.#section('Tóm tắt', 'ol', 'Không có câu tóm tắt.');
    this.#directives = this.#section('Chỉ đạo', 'ul', 'Không thấy chỉ đạo nào.');
    this.#pager = pagedDirectives(this.#directives.list, (d) => h('li', {}, this.#item(d.index, 'directive-item', ...directiveRows(d))));
    this.#directives.section.append(this.#pager.more);
    this.#body = h(
      'div',
      { className: 'body', id: 'body', hidden: true },
      this.#status,
      this.#summary.section,
      this.#directives.section,
      h('p', { className: 'note' }, 'Phân tích ngay trong trình duyệt: bài viết không rời khỏi máy của bạn.'),
    );
    this.#shadow.append(h('div', { className: 'box', role: 'region', 'aria-label': 'Tóm tắt bài viết' }, this.#toggle, this.#body));
    this.#toggle.addEventListener('click', () => this.toggle());
  }

  #section(title, listTag, emptyText) {
    const list = h(listTag);
    const empty = h('p', { className: 'empty', hidden: true }, emptyText);
    const section = h('section', { hidden: true }, h('h2', {}, title), list, empty);
    return { section, list, empty };
  }

  connectedCallback() {
    if (this.hasAttribute('open')) this.toggle(true);
    if (this.#started || this.#observer) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#start();
      },
      { rootMargin: NEAR_VIEW },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#digester?.terminate();
    this.#digester = null;
    this.#started = false;
    this.#generation++;
    this.#unhighlight();
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.#started) this.#analyse();
  }

  /** The digested article, `{ text, digest }`, or null before the digest is ready. */
  get result() {
    return this.#result;
  }

  /** Whether the panel is open. */
  get expanded() {
    return this.#toggle.getAttribute('aria-expanded') === 'true';
  }

  /** Opens or closes the panel (`force` as in `classList.toggle`); opening starts the digest. */
  toggle(force = !this.expanded) {
    this.#toggle.setAttribute('aria-expanded', String(force));
    this.#body.hidden = !force;
    if (force) this.#start();
    else this.#unhighlight();
  }

  /** Loads the worker and digests, once; later calls are no-ops. */
  #start() {
    if (this.#started) return;
    this.#started = true;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#analyse();
  }

  async #analyse() {
    const generation = ++this.#generation;
    this.#unhighlight();
    this.#result = null;
    this.#render(null);
    const article = findArticle(document, { selector: this.getAttribute('for') ?? undefined });
    this.#article = article;
    if (!article.text.trim() || article.listing) {
      this.#say('Không tìm thấy bài viết để tóm tắt trên trang này.');
      return;
    }
    this.#say('Đang phân tích…');
    this.#digester ??= createDigester({
      workerUrl: workerUrl(),
      wasm: new URL('./pkg/tomtat_bg.wasm', import.meta.url).href,
      // The directives read words: the word model is fetched with the wasm, as lazily.
      words: new URL('./pkg/words.bin', import.meta.url).href,
    });
    const length = this.getAttribute('length');
    try {
      // No keywords: the panel shows none, and the digest comes sooner without them.
      const options = { length: LENGTHS.has(length) ? length : DEFAULT_LENGTH, keywords: false };
      const answer = await this.#digester.digest(article.text, options);
      if (!answer || generation !== this.#generation) return;
      const { digest } = answer;
      this.#result = { text: article.text, digest };
      this.#render(digest);
      this.#say(`Đã phân tích ${digest.sentences.length} câu. Bấm một mục để xem câu đó trong bài.`);
      this.dispatchEvent(new CustomEvent('tomtat-digest', { detail: this.#result }));
    } catch (error) {
      if (generation === this.#generation) this.#say(`Không phân tích được: ${error.message}`, true);
    }
  }

  #say(message, isError = false) {
    this.#status.textContent = message;
    this.#status.classList.toggle('error', isError);
  }

  /** Fills the summary and the first directives (or empties them for null); list texts are cut as on the page. */
  #render(digest) {
    const summary = digest?.summary ?? [];
    const directives = digest?.directives ?? [];
    this.#count.textContent = digest ? `${summary.length} câu · ${directives.length} chỉ đạo` : '';
    this.#fill(
      this.#summary,
      digest,
      summary.filter((item) => digest.sentences[item.sentence]),
      (item) => this.#item(item.sentence, 'summary-item', clip(digest.sentences[item.sentence].text)),
    );
    const { section, empty } = this.#directives;
    section.hidden = !digest;
    empty.hidden = directives.length > 0;
    this.#pager.show(directives);
  }

  #fill({ section, list, empty }, digest, items, make) {
    list.replaceChildren(...items.map((item) => h('li', {}, make(item))));
    section.hidden = !digest;
    empty.hidden = items.length > 0;
  }

  #item(sentence, className, ...content) {
    const button = h('button', { type: 'button', className: `item ${className}` }, ...content);
    button.dataset.sentence = sentence;
    button.addEventListener('click', () => {
      for (const other of this.#shadow.querySelectorAll('.item[aria-current]')) other.removeAttribute('aria-current');
      button.setAttribute('aria-current', 'true');
      this.highlight(sentence);
    });
    return button;
  }

  /**
   * Highlights sentence `index` of the digest in the site's article and scrolls to it.
   * Returns the Ranges highlighted (empty when the article changed under the widget).
   */
  highlight(index) {
    const sentence = this.#result?.digest.sentences[index];
    if (!sentence) return [];
    this.#unhighlight();
    // The site may have replaced the article's nodes since it was read: read it again.
    let article = this.#article;
    if (!article.segments.every((s) => s.node.isConnected)) {
      article = findArticle(document, { selector: this.getAttribute('for') ?? undefined });
      if (article.text !== this.#result.text) {
        this.#say('Bài viết trên trang đã thay đổi, đang phân tích lại…');
        this.#analyse();
        return [];
      }
      this.#article = article;
    }
    const ranges = rangesFor(article, sentence.start, sentence.end);
    if (ranges.length === 0) return [];
    adoptPageStyles(document);
    highlightAndScroll(ranges, PREFIX);
    this.#highlighted = true;
    return ranges;
  }

  #unhighlight() {
    if (!this.#highlighted) return;
    this.#highlighted = false;
    clearHighlights(document.body ?? document.documentElement, { prefix: PREFIX });
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, TomTat);
