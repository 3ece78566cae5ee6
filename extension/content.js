// The part of the extension that runs in the reader's tab, injected by the panel with
// `chrome.scripting` (in the extension's isolated world, so a page's CSP and scripts do
// not reach it). `cargo xtask build` bundles it with find-article.js, highlight.js and
// digest-view.js (the widget's highlight-and-scroll) into one classic script. It defines `globalThis.tomtatExtension` once per page:
// `read()` finds the article and returns `{ text, listing }`; `highlight(start, end)`
// highlights those UTF-16 offsets of the text read with the CSS Custom Highlight API
// (the page's DOM is not changed) and scrolls to them, returning false when the
// article changed since it was read; `clear()` removes the highlight.

import { highlightAndScroll } from './digest-view.js';
import { findArticle, rangesFor } from './find-article.js';
import { clearHighlights } from './highlight.js';

/** Prefix of the highlight drawn in the page; panel.js styles `::highlight(<prefix>-sentence)`. */
const PREFIX = 'tomtat-extension';

let article = null;

function root() {
  return document.body ?? document.documentElement;
}

function clear() {
  clearHighlights(root(), { prefix: PREFIX });
}

function read() {
  clear();
  article = findArticle(document);
  return { text: article.text, listing: article.listing };
}

function highlight(start, end) {
  if (!article) return false;
  // The page may have replaced the article's nodes since it was read: read it again.
  if (!article.segments.every((segment) => segment.node.isConnected)) {
    const again = findArticle(document);
    if (again.text !== article.text) return false;
    article = again;
  }
  clear();
  const ranges = rangesFor(article, start, end);
  if (ranges.length === 0) return false;
  highlightAndScroll(ranges, PREFIX);
  return true;
}

globalThis.tomtatExtension ??= { read, highlight, clear };
