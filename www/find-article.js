// Finds a page's article: its text as tomtat digests it, mapped back to the page's text
// nodes (to highlight a sentence without changing the DOM). No dependencies; works on a
// page whose scripts never ran and on a DOMParser document.
// Ideas taken (not code): Readability.js (paragraphs score blocks, links cost, class words
// hint furniture, siblings join), boilerpipe/DOM Distiller (a block judged with its
// neighbours), trafilatura (h1/article/main/articleBody as evidence, one fallback).

/** Subtrees that never hold article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'select', 'textarea', 'input', 'button', 'nav', 'aside', 'footer', 'figcaption',
  'head', 'dialog', 'label',
]);

/** Elements that start a new block of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'legend', 'html',
]);

const HEADING = /^h[1-6]$/;

/** Sentence punctuation of the main scripts (Latin, CJK, Arabic, Indic, ...). */
const STOPS = /[.,;:!?\u2026\u3001\u3002\uff0c\uff01\uff1f\uff1b\u060c\u061f\u06d4\u0964\u0965\u0589\u1362\u104b]/;

/** Class/id words of furniture, English and unaccented Vietnamese (bình luận, liên quan, ...). */
const JUNK =
  /(?:^|[^a-z])(?:comment|disqus|related|share|sharing|social|sidebar|widget|footer|navbar|nav|menu|breadcrumb|banner|advert|ads?(?:$|[^a-z])|sponsor|promo|newsletter|subscribe|signup|cookie|consent|gdpr|popup|modal|masthead|outbrain|taboola|recommend|trending|popular|tags?(?:$|[^a-z])|caption|credit|byline|author|bio(?:$|[^a-z])|date|time|meta(?:$|[^a-z])|toolbar|print|pager|pagination|gallery|slideshow|carousel|binh-?luan|(?:tin-?)?lien-?quan|xem-?them|doc-?them|quang-?cao|chia-?se)/gi;

/** Class/id words of content, which outweigh furniture words. */
const CONTENT = /article|body|content|main|entry|story|column|text|detail/i;

// What a block pays per character of link text, and of other non-paragraph text.
const LINK_COST = 1.5;
const PLAIN_COST = 0.5;
// Link shares above which a block is a link list, and a front page's teaser a bare headline.
const LINK_LIST = 0.5;
// Least length of a headline link, and most text of a teaser (headline, byline, summary).
const LINK_LINE = 25;
const TEASER_MAX = 1000;
// Least share of the teasers' paragraphs that the rest of a page holds for them to be an article's surroundings.
const ARTICLE_SHARE = 0.25;
const TEASER_LINKS = 0.2;
// Share of paragraphs in what an ancestor adds for the best block to widen to it.
const WIDEN_GOOD = 0.5;
// Share of links in what an ancestor adds above which it is a list of other pages: no widening.
const WIDEN_LINKS = 0.25;
// Share of the best block's worth for a sibling to continue it.
const SIBLING_SHARE = 0.2;
// Lead (sapo) blocks and paragraphs: their least length (UTF-16 units) and most leads.
const MIN_LEAD = 80;
const MAX_LEADS = 3;
const MIN_PARAGRAPH = 30;
// Length from which text without punctuation (Thai has none) is a paragraph.
const UNPUNCTUATED = 160;
// A text shorter, on a page with twice as much, is near-empty: the densest block is read.
const NEAR_EMPTY = 200;
// Length under which a text on a page titled 404 is the error's message (a few lines).
const ERROR_TEXT = 400;

const isBlock = (el) => BLOCK.has(el.localName);
/** Class and id names, less headings' slugs (five words or more) and print spacing (`mr0-print`). */
const hints = (el) =>
  `${el.id} ${typeof el.className === 'string' ? el.className : ''}`
    .split(/\s+/)
    .filter((name) => name.split(/[-_]+/).length < 5 && !/\d-print$/.test(name))
    .join(' ');

/** True when `el` is hidden by attribute, inline style or (rendered) CSS. */
function hidden(el, rendered) {
  if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  // A display:contents wrapper's children show.
  return rendered && !el.checkVisibility() && getComputedStyle(el).display !== 'contents';
}

/** `ask`, each node asked once (style look-ups and reading megabytes of text cost). */
function once(ask) {
  const known = new Map();
  return (node) => {
    let answer = known.get(node);
    if (answer === undefined) known.set(node, (answer = ask(node)));
    return answer;
  };
}

/** The furniture words of `el`'s class and id, bare; one said absent (no-sidebar) is none. */
const junkWords = (el) =>
  (hints(el).replace(/(?:^|[^a-z])no[-_][a-z]+/gi, ' ').match(JUNK) ?? []).map((w) => w.replace(/[^a-z]/gi, '').toLowerCase());

/** True when class/id say furniture (not `accepted`) and not content. */
function furniture(el, accepted) {
  return !CONTENT.test(hints(el)) && junkWords(el).some((w) => !accepted.includes(w));
}

/** True for a `\s` white space code unit. */
const isSpace = (c) =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 && (c < 0x2000 ? c === 0xa0 || c === 0x1680 : c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);

/** `t.replace(/\s+/g, ' ').trim().length`, counted without building a string (text nodes can be megabytes). */
function collapsedLength(t) {
  let length = 0;
  let gap = false;
  for (let i = 0; i < t.length; i++) {
    if (isSpace(t.charCodeAt(i))) gap = length > 0;
    else {
      length += gap ? 2 : 1;
      gap = false;
    }
  }
  return length;
}

/**
 * Per element: `own` (inline) text, its subtree's paragraph (`good`), other and link
 * text, and whether its first text is a headline link (`opensWithLink`: a block that
 * is one link, or opens with a link, of a headline's length); per block, `sentence`
 * (a paragraph, or punctuated outside links) and `dated`.
 */
function measure(body, isHidden, lengthOf, junk = new Set()) {
  const stats = new Map();
  const get = (el) => {
    let s = stats.get(el);
    if (!s) stats.set(el, (s = { own: 0, link: 0, good: 0, junk: 0, text: 0, links: 0 }));
    return s;
  };
  const owners = [];
  const walk = (el, owner, inLink, inJunk) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const len = lengthOf(n);
        if (!len) continue;
        const s = get(owner);
        if (!s.own && !s.link) {
          owners.push(owner);
          s.leadLink = inLink && len >= LINK_LINE;
        }
        s.own += len;
        if (s.own < 80) s.words = (s.words ?? '') + n.data;
        if (!inLink && STOPS.test(n.data)) s.stops = true;
        if (inLink) s.link += len;
        if (inJunk) s.junkOwner = true;
      } else if (n.nodeType === 1) {
        const name = n.localName;
        if (SKIP.has(name) || isHidden(n)) continue;
        const block = isBlock(n);
        walk(n, block ? n : owner, inLink || name === 'a', inJunk || junk.has(n));
      }
    }
  };
  walk(body, body, false, false);
  const kinds = owners.map((owner) => {
    const s = stats.get(owner);
    if (s.junkOwner || s.link / s.own >= 0.33) return LINKED;
    return s.own >= (s.stops ? MIN_PARAGRAPH : UNPUNCTUATED) ? PARAGRAPH : SHORT;
  });
  inFlow(kinds);
  owners.forEach((owner, i) => {
    const s = stats.get(owner);
    s.sentence = kinds[i] === PARAGRAPH || !!s.stops;
    // A dateline: short, a clock time and a year, no closing stop.
    const w = s.words?.trim();
    s.dated = s.own < 80 && /\b\d\d?:\d\d\b/.test(w) && /\b(?:19|20)\d\d\b/.test(w) && !/[.!?。]$/.test(w);
    const good = kinds[i] === PARAGRAPH ? (HEADING.test(owner.localName) ? 0.5 : 1) * (s.own - s.link) : 0;
    const linkLine = s.leadLink || (s.link >= LINK_LINE && s.link >= 0.9 * s.own);
    for (let el = owner; el; el = el.parentElement) {
      const a = get(el);
      if (!a.text) a.opensWithLink = linkLine;
      a.good += good;
      a.junk += s.own - good;
      a.text += s.own;
      a.links += s.link;
      if (el === body) break;
    }
  });
  return stats;
}

// Kinds of block: links or furniture, a short line, a paragraph.
const LINKED = 0;
const SHORT = 1;
const PARAGRAPH = 2;

/** Marks as paragraphs the short lines (code, items, headings) between two paragraphs. */
function inFlow(kinds) {
  let seen = false;
  const ahead = kinds.map(() => false);
  for (let i = kinds.length - 1; i >= 0; i--) {
    ahead[i] = seen;
    if (kinds[i] !== SHORT) seen = kinds[i] === PARAGRAPH;
  }
  seen = false;
  kinds.forEach((kind, i) => {
    if (kind === SHORT && seen && ahead[i]) kinds[i] = PARAGRAPH;
    else if (kind !== SHORT) seen = kind === PARAGRAPH;
  });
}

/**
 * Teasers of other stories: 3+ siblings alike (tag and class), each opening with a
 * headline link (`opensWithLink`) and a short summary, none holding `title`. Their
 * summaries read as paragraphs, and a list of them beside an article outweighs it.
 */
function teasers(stats, title) {
  const found = [];
  for (const el of stats.keys()) {
    if (el.childElementCount < 3) continue;
    const alike = new Map();
    for (const c of el.children) {
      const s = stats.get(c);
      if (!s || c.localName === 'tr' || !s.good || !s.opensWithLink || s.text > TEASER_MAX || (title && c.contains(title))) continue;
      const key = `${c.localName} ${c.className}`;
      const group = alike.get(key);
      if (group) group.push(c);
      else alike.set(key, [c]);
    }
    for (const group of alike.values()) if (group.length >= 3) found.push(...group);
  }
  return found;
}

/**
 * The story `title` names when `root` holds several: the <article> around the headline,
 * if it has paragraphs and `root` holds other <article>s beside it (related stories).
 */
function namedStory(root, title, stats) {
  const story = title?.closest('article');
  if (!story || story === root || !root.contains(story) || (stats.get(story)?.good ?? 0) < MIN_LEAD) return root;
  const beside = [...root.querySelectorAll('article')].some((a) => !a.contains(story) && !story.contains(a));
  return beside ? story : root;
}

/** Widens `root` to ancestors that add mostly paragraphs (sections, tables between) and few links. */
function widen(root, stats, body) {
  while (root !== body) {
    const r = stats.get(root);
    const s = stats.get(root.parentElement);
    const added = s.text - r.text;
    if (added > 0 && (s.good - r.good < WIDEN_GOOD * added || s.links - r.links > WIDEN_LINKS * added)) break;
    root = root.parentElement;
  }
  return root;
}

/** How much a block is the article: paragraphs less the cost of other text. */
const worth = (s) => s.good - LINK_COST * s.links - PLAIN_COST * (s.junk - s.links);

/** `root` with its siblings from the first to the last worth a share of it, less furniture. */
function withSiblings(root, stats, junk) {
  const parent = root.parentElement;
  if (!parent) return [root];
  const bar = SIBLING_SHARE * worth(stats.get(root));
  const all = [...parent.children];
  // An <article> beside an <article> is another story.
  const story = root.localName === 'article';
  const kin = (el) => {
    const s = stats.get(el);
    return el === root || (s && !(story && el.localName === 'article') && (worth(s) >= bar || (s.good >= MIN_LEAD && s.links < 0.25 * s.text)));
  };
  // Between kin, only what was measured: never a script's or a hidden block's text.
  return all.slice(all.findIndex(kin), all.findLastIndex(kin) + 1).filter((el) => el === root || (stats.has(el) && !dropped(el, stats, junk)));
}

/** The element of `stats` with the highest `score`, or null. */
function bestBy(stats, score) {
  let best = null;
  let top = -Infinity;
  for (const [el, s] of stats) {
    const value = score(s);
    if (value > top) {
      best = el;
      top = value;
    }
  }
  return best;
}

/** Text not in links, weighed by its share: the fallback's measure. */
const density = (s) => (s.text ? (s.text - s.links) ** 2 / s.text : 0);

/**
 * Finds the article in `doc` and returns `{ text, blocks, segments, root, title }`:
 * `text` is the article's text (title, lead and paragraphs separated by blank lines),
 * `blocks` its paragraphs `{ start, end, element }` (offsets in `text`), `segments` the
 * pieces of live text nodes it was read from `{ node, offset, start, end }`
 * (`text.slice(start, end) === node.data.slice(offset, offset + end - start)`) and
 * `root` the element it was found in; `listing` is true on a page of several story
 * teasers and no article (a front page), where `text` is the main column's teasers
 * that have a summary and a widget may rather stay quiet. A page that came with an HTTP
 * error, or a short one titled 404, holds no article: `text` is empty.
 * `options.selector` (the widget's `for`) wins when it matches an element with text.
 */
export function findArticle(doc, options = {}) {
  const body = doc.body ?? doc.documentElement;
  if (!body || errorPage(doc)) return nothing();
  // A DOMParser document has no layout.
  const rendered = !!doc.defaultView && typeof body.checkVisibility === 'function' && body.checkVisibility();
  const isHidden = once((el) => hidden(el, rendered));
  const lengthOf = once((node) => collapsedLength(node.data));
  // Furniture hints count on blocks holding under half the paragraphs ("has-sidebar" wrappers),
  // and on a footer, comments or related stories apart from the headline.
  let stats = measure(body, isHidden, lengthOf);
  const half = (stats.get(body)?.good ?? 0) / 2;
  // The site's choice is read as is; its own name's words ("comments") mark nothing in it.
  const chosen = selected(doc, options.selector);
  const accepted = chosen ? junkWords(chosen) : [];
  // A gallery word on one block of text (the legend on show) marks no gallery.
  const one = [...accepted, ...MEDIA];
  const title = chosen ? null : headline(doc, body, stats);
  // A big footer, comment thread or list of related stories counts when the headline is elsewhere.
  const apart = (el) =>
    title && junkWords(el).some((w) => AFTER.includes(w)) && !el.contains(title) && !el.matches(ARTICLE) && !el.querySelector(ARTICLE);
  const junk = new Set(
    [...stats.keys()].filter((el) => {
      const s = stats.get(el);
      return el !== body && furniture(el, s.own < s.text ? accepted : one) && (s.good < half || slideshow(el) || apart(el));
    }),
  );
  if (chosen) return { ...read([chosen], stats, junk, isHidden), root: chosen, title: '', listing: false };
  // Teasers on a page without a headline, or with little else, are a front page's: read as a listing.
  const others = title ? teasers(stats, title) : [];
  const teased = others.reduce((sum, el) => sum + stats.get(el).good, 0);
  if (2 * half - teased >= ARTICLE_SHARE * teased) for (const el of others) junk.add(el);
  stats = measure(body, isHidden, lengthOf, junk);
  const best = namedStory(widen(bestBy(stats, worth) ?? body, stats, body), title, stats);
  const listing = isListing(best, stats);
  const parts = listing || best === body ? [best] : withSiblings(best, stats, junk);
  const root = parts.length > 1 ? best.parentElement : best;
  if (title && !parts.some((part) => part.contains(title)) && title.compareDocumentPosition(parts[0]) & 4) {
    parts.unshift(title, ...leads(title, parts[0], stats, junk));
  }
  // Captions are read: a front page's as shown, an article's figures' less credits.
  const kept = new Set([...junk].filter((el) => !captionOnly(el) || !(listing || el.closest('figure'))));
  const drop = listing ? teasersWithoutSummary(root, stats, kept) : kept;
  const found = read(parts, stats, drop, isHidden, listing);
  const plain = stats.get(body) ? stats.get(body).text - stats.get(body).links : 0;
  const dense = found.text.length < NEAR_EMPTY && plain > 2 * found.text.length ? bestBy(stats, density) : null;
  const result = dense
    ? { ...read([dense], stats, new Set(), isHidden), root: dense, title: '', listing: false }
    : { ...found, root, title: title ? title.textContent.trim() : '', listing };
  return notFound(doc, result.text) ? nothing() : result;
}

/** What is found on a page without an article. */
const nothing = () => ({ text: '', blocks: [], segments: [], root: null, title: '', listing: false });

/** True when the page came with an HTTP error (404, 500, ...), as Chromium reports its load; a saved or parsed page has none. */
function errorPage(doc) {
  const [load] = doc.defaultView?.performance?.getEntriesByType?.('navigation') ?? [];
  return doc === doc.defaultView?.document && (load?.responseStatus ?? 0) >= 400;
}

/** True for a short text under a title or h1 that names error 404 (a saved or soft error page). */
function notFound(doc, text) {
  const code = /(?:^|\D)404(?:\D|$)/;
  return text.length < ERROR_TEXT && (code.test(doc.title) || code.test(doc.querySelector('h1')?.textContent ?? ''));
}

/** True for a gallery, furniture however big, unless it holds the article. */
const slideshow = (el) =>
  junkWords(el).some((w) => MEDIA.includes(w)) && !el.matches(ARTICLE) && !el.querySelector(ARTICLE);
const MEDIA = ['gallery', 'slideshow', 'carousel'];
/** Furniture words of what follows an article, however long: a footer, comments, related stories. */
const AFTER = ['footer', 'comment', 'disqus', 'related', 'binhluan', 'lienquan', 'tinlienquan'];
const ARTICLE = 'h1, article, main, [itemprop=articleBody]';

/** The element `selector` names, if valid and with text. */
function selected(doc, selector) {
  try {
    const el = selector && doc.querySelector(selector);
    return el?.textContent.trim() ? el : null;
  } catch {
    return null;
  }
}

/** True when `root` is 3+ <article> teasers with most of its paragraphs, none half. */
function isListing(root, stats) {
  const good = (el) => stats.get(el)?.good ?? 0;
  const stories = [...root.querySelectorAll('article')].filter((a) => good(a) > 0 && !a.parentElement.closest('article'));
  const total = good(root);
  return stories.length >= 3 && stories.reduce((sum, a) => sum + good(a), 0) >= 0.7 * total && stories.every((a) => good(a) < total / 2);
}

/** A listing's blocks left out: furniture, and (deepest first) non-heading blocks mostly links. */
function teasersWithoutSummary(root, stats, junk) {
  const drop = new Set(junk);
  // The text and link lengths `el` keeps.
  const visit = (el) => {
    const s = stats.get(el);
    const kept = [s.own, s.link];
    for (const c of el.children) {
      if (!stats.has(c) || drop.has(c)) continue;
      const [t, l] = visit(c);
      if (isBlock(c) && !HEADING.test(c.localName) && l > TEASER_LINKS * t) drop.add(c);
      else {
        kept[0] += t;
        kept[1] += l;
      }
    }
    return kept;
  };
  visit(root);
  return drop;
}

/** Lower-cased words. */
const wordsOf = (t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The headline: the h1 (or itemprop=headline) mostly of og:title's or <title>'s words;
 * failing one, such an h2 (a site whose h1 is its logo).
 */
function headline(doc, body, stats) {
  const meta = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  const known = new Set(wordsOf(`${meta} ${doc.title}`));
  return namedBy(known, body.querySelectorAll('h1, [itemprop=headline]'), stats) ?? namedBy(known, body.querySelectorAll('h2'), stats);
}

/** The one of `candidates` whose words are most of `known`'s, at least three and three in five of its own. */
function namedBy(known, candidates, stats) {
  let best = null;
  let bestHits = 2;
  for (const el of candidates) {
    const s = stats.get(el);
    if (!s || s.junkOwner) continue;
    const words = wordsOf(el.textContent);
    const hits = words.filter((w) => known.has(w)).length;
    if (hits > bestHits && hits >= 0.6 * words.length) {
      best = el;
      bestHits = hits;
    }
  }
  return best;
}

/** The element after `el`'s subtree, or null. */
function after(el) {
  for (; el; el = el.parentElement) if (el.nextElementSibling) return el.nextElementSibling;
  return null;
}

/** The leads (sapo) between headline and body. */
function leads(title, root, stats, junk) {
  const found = [];
  for (let el = after(title); el && el !== root; ) {
    const s = stats.get(el);
    if (el.contains(root)) {
      el = el.firstElementChild;
    } else if (!s || junk.has(el)) {
      el = after(el);
    } else if (!s.junkOwner && s.own >= MIN_LEAD && s.link / s.own < 0.33) {
      if (found.push(el) === MAX_LEADS) break;
      el = after(el);
    } else {
      el = el.firstElementChild ?? after(el);
    }
  }
  return found;
}

/** True when `el`'s furniture words say caption or credit, and only that. */
const captionOnly = (el) => {
  const words = junkWords(el);
  return words.length > 0 && words.every((w) => w === 'caption' || w === 'credit');
};

/** Capitalised words, at least two in three: a line of names. */
const names = (t) => {
  const w = t.match(/\p{L}+/gu) ?? [];
  return w.filter((x) => /^\p{Lu}/u.test(x)).length >= (2 / 3) * w.length;
};

/** A one- or two-word label and colon (`Credit:`, `Ảnh:`). */
const LABEL = /^\s*[^\s:：]+(?: [^\s:：]+)?\s*[:：]/;

/** True for a credit by shape: short, in parentheses or names (capitalised, no closing stop) after an optional "label:". */
const credit = (t) => {
  const rest = t.replace(LABEL, '');
  return t.length <= 80 && (/^\(.*\)$/.test(t) || (names(rest) && !/[.!?。]$/.test(rest)));
};

/** Where caption text `t`'s closing credit starts (after a stop, or labelled at one of `starts`), else its length. */
function creditAt(t, starts) {
  const stops = /[.!?…。！？]/g;
  let i = 0;
  do if (credit(t.slice(i).trim())) return i;
  while (stops.test(t) && (i = stops.lastIndex));
  return starts.find((at) => LABEL.test(t.slice(at)) && credit(t.slice(at).trim())) ?? t.length;
}

/** Reads `parts` and their segment map, less furniture and (unless `listing`) credits. */
function read(parts, stats, junk, isHidden, listing = false) {
  let text = '';
  const blocks = [];
  const segments = [];
  // Before the next word: 0 nothing, 1 space, 2 line, 3 paragraph.
  let pending = 0;
  let blockStart = -1;
  let current = null;
  const endBlock = () => {
    if (blockStart >= 0) blocks.push({ start: blockStart, end: text.length, element: current });
    blockStart = -1;
    pending = 3;
    space = null;
  };
  // Drops the text from `end` on.
  const cut = (end) => {
    end = text.slice(0, end).trimEnd().length;
    text = text.slice(0, end);
    for (const list of [segments, blocks]) {
      while (list.length && list[list.length - 1].start >= end) list.pop();
      if (list.length) list[list.length - 1].end = Math.min(list[list.length - 1].end, end);
    }
  };
  const push = (node, offset, piece) => {
    const last = segments[segments.length - 1];
    if (last && last.node === node && last.end === text.length && last.offset + last.end - last.start === offset) {
      last.end += piece.length;
    } else {
      segments.push({ node, offset, start: text.length, end: text.length + piece.length });
    }
    text += piece;
  };
  // A U+0020 before the next word, which a space maps to.
  let space = null;
  const addText = (node, pre) => {
    const data = node.data;
    const gap = (from, to) => {
      if (to <= from) return;
      pending = Math.max(pending, 1);
      for (let i = from; !space && i < to; i++) if (data.charCodeAt(i) === 32) space = { node, offset: i };
    };
    // White space collapses, but not a no-break space. Words one U+0020 apart are read as
    // one run: each would add that space and join the same segment.
    const words = pre ? /[^\n]+|\n/g : /[^ \t\n\r\f]+(?: [^ \t\n\r\f]+)*/g;
    let from = 0;
    for (let m; (m = words.exec(data)); from = m.index + m[0].length) {
      gap(from, m.index);
      if (m[0] === '\n') {
        pending = Math.max(pending, 2);
        continue;
      }
      if (!text) pending = 0;
      if (pending === 1 && space) push(space.node, space.offset, ' ');
      else if (pending) text += ['', ' ', '\n', '\n\n'][pending];
      if (blockStart < 0) blockStart = text.length;
      pending = 0;
      space = null;
      push(node, m.index, m[0]);
    }
    gap(from, data.length);
  };
  const walk = (el, pre) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        addText(n, pre);
        continue;
      }
      if (n.nodeType !== 1) continue;
      const name = n.localName;
      if (name === 'br') {
        pending = Math.max(pending, 2);
        space = null;
        continue;
      }
      if ((SKIP.has(name) && name !== 'figcaption') || isHidden(n) || (isBlock(n) && dropped(n, stats, junk))) continue;
      if (!isBlock(n)) {
        walk(n, pre);
        continue;
      }
      endBlock();
      const outer = current;
      const from = text.length;
      current = n;
      walk(n, pre || name === 'pre');
      endBlock();
      current = outer;
      if (!listing && (name === 'figcaption' || captionOnly(n))) {
        const starts = segments.slice(segments.findLastIndex((s) => s.start <= from) + 1).map((s) => s.start - from);
        const end = from + creditAt(text.slice(from), starts);
        // A credit run on in the legend's text ("…. Ảnh: VGP") makes it a photo line.
        cut(segments.some((s) => s.start < end && end < s.end) ? from : end);
      }
    }
  };
  for (const part of parts) {
    current = part;
    endBlock();
    walk(part, part.localName === 'pre');
    endBlock();
  }
  // An article ends with a sentence: unpunctuated lines after it go.
  const last = blocks.findLastIndex((b) => stats.get(b.element)?.sentence ?? true);
  if (!listing && last >= 0 && last < blocks.length - 1) cut(blocks[last].end);
  return { text, blocks, segments };
}

/** True for a furniture block: hinted so, a dateline, or mostly links (a list item by its list). */
function dropped(el, stats, junk) {
  const s = stats.get(el);
  return junk.has(el) || (!!s && ((s.dated && s.text === s.own) || (!/^(?:h[1-6]|li)$/.test(el.localName) && s.links > LINK_LIST * s.text && !s.good)));
}

/**
 * DOM Ranges over the live text nodes that hold `text.slice(start, end)` of a
 * `findArticle` result, one per segment piece, in reading order; the characters the
 * finder inserted between blocks belong to no range.
 */
export function rangesFor(result, start, end) {
  const ranges = [];
  const segs = result.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segs.length && segs[i].start < end; i++) {
    const seg = segs[i];
    const s = Math.max(start, seg.start);
    const e = Math.min(end, seg.end);
    if (s >= e) continue;
    const range = seg.node.ownerDocument.createRange();
    range.setStart(seg.node, seg.offset + s - seg.start);
    range.setEnd(seg.node, seg.offset + e - seg.start);
    ranges.push(range);
  }
  return ranges;
}
