// Highlights of a text by UTF-16 offsets, drawn over any element whose text nodes,
// read in order, make that text: the page's own copy of the article or, for the
// widget, a news site's article. With the CSS Custom Highlight API the DOM is not
// touched; where `CSS.highlights` is missing, the text nodes are split and wrapped in
// `<mark class="<prefix>-<layer> ...">` elements, which `clearHighlights` unwraps,
// joining back only the text nodes it split, so the page's own nodes stay as they were.

const MARK_ATTRIBUTE = 'data-highlight';

/** The text nodes this module split off another one, which `clearMarks` joins back. */
const pieces = new WeakSet();

/** Whether this browser has the CSS Custom Highlight API. */
export function hasHighlightApi() {
  return typeof Highlight === 'function' && Boolean(globalThis.CSS?.highlights);
}

/** The non-empty text nodes under `root`, in document order. */
function textNodes(root) {
  const nodes = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.length > 0) nodes.push(node);
  }
  return nodes;
}

/**
 * The text nodes under `root` with the UTF-16 offset where each starts, as
 * `{ locate(offset) }`: the `[node, offsetInNode]` of a text offset, preferring the
 * start of the next node at a boundary.
 */
function textMap(root) {
  const nodes = textNodes(root);
  const starts = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    length += node.data.length;
  }
  function locate(offset) {
    if (nodes.length === 0) return [root, 0];
    let low = 0;
    let high = nodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    const node = nodes[low];
    return [node, Math.min(offset - starts[low], node.data.length)];
  }
  return { locate };
}

/** A DOM Range over the UTF-16 offsets `[start, end)` of the text `map` maps under `root`. */
function rangeOf(root, start, end, map) {
  const range = root.ownerDocument.createRange();
  range.setStart(...map.locate(start));
  range.setEnd(...map.locate(end));
  return range;
}

/**
 * Draws `layers` (`{ name: [{start, end}, ...] }`) over the text under `root`, each as
 * the highlight `<prefix>-<name>`, after removing what an earlier call drew.
 */
export function paintHighlights(root, layers, { prefix = 'tomtat' } = {}) {
  clearHighlights(root, { prefix });
  if (!hasHighlightApi()) {
    wrapInMarks(root, layers, prefix);
    return;
  }
  const map = textMap(root);
  const ranges = Object.entries(layers).map(([name, spans]) => [name, spans.map((s) => rangeOf(root, s.start, s.end, map))]);
  paintRanges(Object.fromEntries(ranges), { prefix });
}

/**
 * Highlights of a long text drawn one part at a time, so that only the parts near the
 * screen carry ranges: tens of thousands of ranges make every change of a highlight,
 * and its first paint, take seconds. Returns `{ draw(root, layers, base), erase(root) }`:
 * `draw` draws `layers` (`{ name: [{start, end}, ...] }` in offsets of the whole text,
 * where the text under `root` starts at `base`) over `root`, after erasing what it drew
 * there before; `erase` removes what it drew over `root`. The highlights are named
 * `<prefix>-<name>` as `paintHighlights` names them, and `clearHighlights` removes them.
 */
export function createPartPainter({ prefix = 'tomtat' } = {}) {
  /** Per root: the `[highlight, range]` pairs drawn with the API, or true for marks. */
  const drawn = new WeakMap();
  function erase(root) {
    const pieces = drawn.get(root);
    if (!pieces) return;
    drawn.delete(root);
    if (pieces === true) clearMarks(root, prefix);
    else for (const [highlight, range] of pieces) highlight.delete(range);
  }
  function draw(root, layers, base) {
    erase(root);
    const local = Object.fromEntries(
      Object.entries(layers).map(([name, spans]) => [name, spans.map(({ start, end }) => ({ start: start - base, end: end - base }))]),
    );
    if (!hasHighlightApi()) {
      wrapInMarks(root, local, prefix);
      drawn.set(root, true);
      return;
    }
    const map = textMap(root);
    const pieces = [];
    // Every layer is registered at once, empty or not, so that they stack in the
    // order `layers` gives whichever part is drawn first.
    for (const [name, spans] of Object.entries(local)) {
      const key = `${prefix}-${name}`;
      let highlight = CSS.highlights.get(key);
      if (!highlight) CSS.highlights.set(key, (highlight = new Highlight()));
      for (const span of spans) {
        const range = rangeOf(root, span.start, span.end, map);
        highlight.add(range);
        pieces.push([highlight, range]);
      }
    }
    drawn.set(root, pieces);
  }
  return { draw, erase };
}

/**
 * Draws `layers` (`{ name: [Range, ...] }`) as the highlights `<prefix>-<name>`, for
 * text that is not one element's whole text (the widget's ranges over a news site's
 * article, from find-article.js's `rangesFor`). Each range must lie within one text
 * node, as `rangesFor` makes them. `clearHighlights(root, { prefix })` removes them.
 */
export function paintRanges(layers, { prefix = 'tomtat' } = {}) {
  if (hasHighlightApi()) {
    for (const [name, ranges] of Object.entries(layers)) {
      if (ranges.length === 0) continue;
      // Added one by one: spread as arguments, a long text's ranges overflow the stack.
      const highlight = new Highlight();
      for (const range of ranges) highlight.add(range);
      CSS.highlights.set(`${prefix}-${name}`, highlight);
    }
    return;
  }
  const pieces = Object.entries(layers).flatMap(([name, ranges]) => ranges.map((range) => ({ name, range })));
  // From the end of the document, so that cutting a text node leaves the ranges before it valid.
  pieces.sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
  for (const { name, range } of pieces) {
    let node = range.startContainer;
    if (node.nodeType !== Node.TEXT_NODE || node !== range.endContainer || range.collapsed) continue;
    if (range.endOffset < node.data.length) split(node, range.endOffset);
    if (range.startOffset > 0) node = split(node, range.startOffset);
    wrapInMark(node, prefix, `${prefix}-${name}`);
  }
}

/** Removes the highlights `paintHighlights` drew with `prefix` under `root`. */
export function clearHighlights(root, { prefix = 'tomtat' } = {}) {
  if (hasHighlightApi()) {
    for (const name of [...CSS.highlights.keys()]) {
      if (name.startsWith(`${prefix}-`)) CSS.highlights.delete(name);
    }
  }
  clearMarks(root, prefix);
}

/** Cuts text `node` at `offset`; returns the new node after the cut. */
function split(node, offset) {
  const piece = node.splitText(offset);
  pieces.add(piece);
  return piece;
}

/** Wraps text `node` in a `<mark>` of `prefix` with the classes `className`. */
function wrapInMark(node, prefix, className) {
  const mark = node.ownerDocument.createElement('mark');
  mark.setAttribute(MARK_ATTRIBUTE, prefix);
  mark.className = className;
  node.replaceWith(mark);
  mark.append(node);
}

/**
 * Unwraps the `<mark>`s of `prefix` under `root` and joins each piece `split` cut off
 * back to the text before it. Not `normalize()`: that would also join text nodes the
 * page keeps apart, and the widget must leave a site's nodes as they were.
 */
function clearMarks(root, prefix) {
  const parents = new Set();
  for (const mark of root.querySelectorAll(`mark[${MARK_ATTRIBUTE}="${prefix}"]`)) {
    parents.add(mark.parentNode);
    mark.replaceWith(...mark.childNodes);
  }
  for (const parent of parents) {
    for (const node of [...parent.childNodes]) {
      const before = node.previousSibling;
      if (pieces.has(node) && before?.nodeType === Node.TEXT_NODE) {
        before.appendData(node.data);
        node.remove();
      }
    }
  }
}

/**
 * The `<mark>` fallback. Highlights may overlap (a keyword inside an action inside a
 * summary sentence) and marks cannot, so every text node is cut at every span
 * boundary and each piece is wrapped once, with a class per layer that covers it.
 */
function wrapInMarks(root, layers, prefix) {
  const edges = [];
  for (const [name, spans] of Object.entries(layers)) {
    for (const { start, end } of spans) {
      if (end > start) edges.push({ at: start, name, delta: 1 }, { at: end, name, delta: -1 });
    }
  }
  if (edges.length === 0) return;
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const cuts = [...new Set(edges.map((edge) => edge.at))];
  // Cut from the end so that earlier offsets stay valid in the map.
  const map = textMap(root);
  for (const cut of cuts.reverse()) {
    const [node, offset] = map.locate(cut);
    if (node.nodeType === Node.TEXT_NODE && offset > 0 && offset < node.data.length) split(node, offset);
  }
  const open = new Map();
  let next = 0;
  let offset = 0;
  for (const node of textNodes(root)) {
    while (next < edges.length && edges[next].at <= offset) {
      const { name, delta } = edges[next++];
      open.set(name, (open.get(name) ?? 0) + delta);
    }
    const names = [...open].filter(([, count]) => count > 0).map(([name]) => `${prefix}-${name}`);
    offset += node.data.length;
    if (names.length > 0) wrapInMark(node, prefix, names.join(' '));
  }
}
