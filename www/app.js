// The paste page: the text goes to the digest worker (debounced while typing), and
// the answer is shown as the original text with its highlights next to the summary,
// the directives and the keywords. Text from the article is only ever inserted as
// text nodes, never parsed as HTML.

import { createDigester } from './digester.js';
import { pagedDirectives } from './digest-view.js';
import { clearHighlights, createPartPainter, paintHighlights } from './highlight.js';
import { UNNAMED, clip, cueTitle, kindName, safeEnd } from './kinds.js';

/** Pause after the last keystroke before digesting; a paste digests at once. */
const TYPING_PAUSE_MS = 300;

/**
 * The longest text the digest takes, in UTF-8 bytes: the crate's `MAX_INPUT_BYTES`,
 * known here so that a longer text is refused before it is sent, split or drawn (a
 * page test holds the two to the same value).
 */
const MAX_INPUT_BYTES = 8_000_000;
/**
 * A text longer than this (UTF-16 units) is long. It is shown in parts whose layout
 * the browser skips while they are off screen (`content-visibility: auto`) and whose
 * highlights are drawn only while they are near the screen: drawn whole, a 5 MB text
 * froze the page for seconds. The box keeps only its start, read-only, the whole text
 * held apart: Chromium lays out a textarea's value at once, in a time that grows
 * faster than its length (a 2 MB value blocked the page for 13 s). A text this short
 * is shown and highlighted whole, and edited in the box.
 */
const LONG_TEXT = 100_000;
/** A part of a long text ends at the first line break after this many units. */
const PART_LENGTH = 5_000;
/**
 * A part without a line break is cut after this many units, within a sentence if need
 * be: Chromium shapes a long run of text without a break in a time that grows with
 * its square (40,000 units of Vietnamese took 150 ms, 160,000 took 3.4 s).
 */
const PART_MAX = 2 * PART_LENGTH;
/** The parts of a long text are built in slices of about this long, the page answering in between. */
const SLICE_MS = 25;
/** How far around the screen (a share of its height) the parts are highlighted. */
const PART_MARGIN = '100% 0px';

/** Vietnamese names of the score parts the summary reports; unknown ones show as is. */
const PART_NAMES = {
  position: 'vị trí',
  title: 'gần tiêu đề',
  centrality: 'độ trung tâm',
  cue: 'dấu hiệu (tên, số liệu…)',
  length: 'độ dài',
  penalty: 'trừ điểm',
};

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const results = $('results');
const textView = $('text');
const summaryList = $('summary');
/** The directive table's rows, a page at a time behind its “Hiện thêm” button. */
const directivePages = pagedDirectives($('directives').tBodies[0], directiveRow, $('directives-more'));
const keywordList = $('keywords');
const exportButtons = [$('copy'), $('export-md'), $('export-json')];
const numbers = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, signDisplay: 'always' });

const digester = createDigester();
/** The text and digest on screen, or null. */
let shown = null;
let typingTimer = 0;
let pasted = false;
/** The whole of a long text, of which the box shows the start; null when the box holds the text. */
let held = null;
/** Counts the calls of `analyse`, so that only the newest reports what it showed. */
let requests = 0;
/** Counts the calls of `show`, so that the building of an older text stops. */
let renders = 0;
/** The sentence to jump to once the long text being built has it, or null. */
let pendingJump = null;
/** The parts of a long text on screen as `{ element, start, end, near }`; empty when it is shown whole. */
let parts = [];
/** The part of each part element. */
const partOf = new WeakMap();
/** Every highlight layer of a long text, each sorted by start (once per digest), or null. */
let sortedLayers = null;
const painter = createPartPainter();
const partObserver = new IntersectionObserver(partsMoved, { rootMargin: PART_MARGIN });

input.addEventListener('beforeinput', editBox);
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  // An edit that got past `editBox` (an input method's): the box is the text now.
  held = null;
  // A long text set in the box by other means than a paste or a drop is taken out of it
  // before it is laid out.
  if (input.value.length > LONG_TEXT) {
    take(input.value);
    return;
  }
  typingTimer = setTimeout(analyse, pasted ? 0 : TYPING_PAUSE_MS);
  pasted = false;
});
for (const radio of document.querySelectorAll('input[name=length]')) radio.addEventListener('change', analyse);
for (const box of document.querySelectorAll('.legend input')) box.addEventListener('change', paint);
$('sample').addEventListener('click', loadSample);
$('clear').addEventListener('click', () => {
  setBox('');
  analyse();
  input.focus();
});
$('copy').addEventListener('click', copySummary);
$('export-md').addEventListener('click', () => download('tomtat.md', 'text/markdown', toMarkdown()));
$('export-json').addEventListener('click', () => download('tomtat.json', 'application/json', toJson()));

if (input.value.trim()) analyse();

/** Loads the seed article: inlined in the page when a bundle put it there, else fetched. */
async function loadSample() {
  const inlined = document.getElementById('seed-text');
  try {
    if (inlined) {
      setBox(inlined.textContent);
    } else {
      const response = await fetch(new URL('./pkg/seed.txt', import.meta.url));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setBox(await response.text());
    }
  } catch (error) {
    say(`Không tải được bài mẫu (${error.message}).`, true);
    return;
  }
  input.scrollTop = 0;
  analyse();
}

/**
 * Before an edit of the box: a paste or a drop that makes the text long is taken whole
 * (and refused over the limit) without entering the box. While the box shows the start
 * of a long text, a paste or a drop replaces that text, emptying the box empties it,
 * and any other edit is refused with a word of why.
 */
function editBox(event) {
  const insert = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
  const data = insert ? (event.dataTransfer?.getData('text/plain') ?? event.data ?? '') : '';
  const { selectionStart: from, selectionEnd: to, value } = input;
  if (held === null) {
    pasted = insert;
    if (!insert || value.length - (to - from) + data.length <= LONG_TEXT) return;
    event.preventDefault();
    take(value.slice(0, from) + data + value.slice(to));
    return;
  }
  event.preventDefault();
  if (insert) {
    take(data);
  } else if (event.inputType.startsWith('delete') && from === 0 && to === value.length) {
    setBox('');
    analyse();
  } else {
    say('Văn bản dài chỉ hiện phần đầu ở ô này và không sửa được ở đây; bấm “Xoá” để nhập văn bản khác.');
  }
}

/**
 * Takes a long text: over the limit it is refused at once, the box and the results
 * left as they were (the box emptied if the text was in it); else it is held whole,
 * the box shows its start, and it is digested at once.
 */
function take(text) {
  clearTimeout(typingTimer);
  const bytes = utf8Length(text);
  if (bytes > MAX_INPUT_BYTES) {
    if (input.value.length > LONG_TEXT) {
      setBox('');
      results.setAttribute('aria-busy', 'false');
      requests++;
      show(null);
    }
    say(
      `Văn bản quá dài: ${numbers.format(Math.round(bytes / 100_000) / 10)} MB, giới hạn là ` +
        `${numbers.format(MAX_INPUT_BYTES / 1_000_000)} MB; hãy chia thành nhiều phần.`,
      true,
    );
    return;
  }
  setBox(text);
  analyse();
}

/** Puts `text` in the box, or, when it is long, holds it and puts its start in the box. */
function setBox(text) {
  const long = text.length > LONG_TEXT;
  held = long ? text : null;
  input.value = long ? text.slice(0, safeEnd(text, LONG_TEXT)) : text;
}

/** The size of `text` in UTF-8 (a lone surrogate as U+FFFD, three bytes, as the wasm reads it). */
function utf8Length(text) {
  let bytes = text.length;
  for (let at = 0; at < text.length; at++) {
    const unit = text.charCodeAt(at);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two units, four bytes.
      bytes += 2;
      at++;
    } else bytes += 2;
  }
  return bytes;
}

async function analyse() {
  clearTimeout(typingTimer);
  const request = ++requests;
  const text = held ?? input.value;
  if (!text.trim()) {
    results.setAttribute('aria-busy', 'false');
    show(null);
    say('Chưa có văn bản.');
    return;
  }
  results.setAttribute('aria-busy', 'true');
  say('Đang phân tích…');
  const length = document.querySelector('input[name=length]:checked')?.value ?? 'medium';
  try {
    const answer = await digester.digest(text, { length });
    // A newer request is on its way; it will end the busy state.
    if (!answer) return;
    say('Đang hiển thị…');
    // Shown in a task of its own: the answer's arrival (the copy of a long text's
    // digest) took one already.
    await new Promise((resume) => setTimeout(resume, 0));
    if (request !== requests) return;
    const complete = await show({ text, digest: answer.digest });
    if (!complete || request !== requests) return;
    results.setAttribute('aria-busy', 'false');
    const d = answer.digest;
    say(
      `Đã phân tích ${d.sentences.length} câu: tóm tắt ${d.summary.length} câu, ` +
        `${d.directives.length} chỉ đạo, ${d.keywords.length} từ khoá (${numbers.format(answer.ms)} ms).` +
        (held === text ? ` Văn bản dài: ô nhập chỉ hiện ${numbers.format(input.value.length)} ký tự đầu.` : ''),
    );
  } catch (error) {
    results.setAttribute('aria-busy', 'false');
    show(null);
    say(`Không phân tích được: ${error.message}`, true);
  }
}

function say(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/**
 * Renders a digest (or clears everything for null): the lists at once, the text at
 * once or, when long, part by part. Resolves to true once all is shown, to false when
 * a newer call took over first.
 */
function show(result) {
  shown = result;
  const render = ++renders;
  pendingJump = null;
  renderSummary();
  renderDirectives();
  renderKeywords();
  for (const button of exportButtons) button.disabled = !shown;
  partObserver.disconnect();
  parts = [];
  sortedLayers = null;
  clearHighlights(textView);
  textView.replaceChildren();
  if (!shown) return Promise.resolve(true);
  if (shown.text.length <= LONG_TEXT) {
    renderText();
    paint();
    return Promise.resolve(true);
  }
  sortedLayers = Object.fromEntries(
    Object.entries(allLayers()).map(([name, spans]) => [name, [...spans].sort((a, b) => a.start - b.start)]),
  );
  return renderParts(render);
}

/** The original text, one element per sentence so that it can be scrolled to. */
function renderText() {
  const { text, digest } = shown;
  let at = 0;
  digest.sentences.forEach((sentence, index) => {
    if (sentence.start > at) textView.append(text.slice(at, sentence.start));
    textView.append(sentenceElement(text.slice(sentence.start, sentence.end), index, true));
    at = sentence.end;
  });
  if (at < text.length) textView.append(text.slice(at));
}

/** The element of sentence `index`; only its first piece (`first`) takes the focus. */
function sentenceElement(content, index, first) {
  const element = document.createElement('span');
  element.className = 'sentence';
  element.dataset.index = index;
  if (first) element.tabIndex = -1;
  element.textContent = content;
  return element;
}

/**
 * A long text in parts (block elements) of about PART_LENGTH units ending at a line
 * break, or of PART_MAX units cut anywhere (within a sentence too: its pieces are
 * elements of the same index) when no line break comes. Built a slice of parts at a
 * time; each part goes on the page whole, its highlights drawn when it nears the
 * screen. Resolves as `show` does.
 */
async function renderParts(render) {
  const { text, digest } = shown;
  const { sentences } = digest;
  // Shown so far: the text up to `at`, and the sentences before `next` entirely.
  let at = 0;
  let next = 0;
  let sliceStart = performance.now();
  while (at < text.length) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resume) => setTimeout(resume, 0));
      if (render !== renders) return false;
      sliceStart = performance.now();
    }
    const element = document.createElement('div');
    element.className = 'part';
    const part = { element, start: at, end: at, near: false };
    while (at < text.length) {
      if (at > part.start && ((at - part.start >= PART_LENGTH && text[at - 1] === '\n') || at - part.start >= PART_MAX)) break;
      // The next piece: the text before the next sentence, or (the rest of) that sentence.
      const sentence = sentences[next];
      const inSentence = sentence !== undefined && sentence.start <= at;
      const to = Math.max(at, sentence === undefined ? text.length : inSentence ? sentence.end : sentence.start);
      const end = cutAt(text, part.start, at, to);
      const content = text.slice(at, end);
      element.append(inSentence ? sentenceElement(content, next, at === sentence.start) : content);
      at = end;
      if (inSentence && end === to) next++;
      if (end < to) break;
    }
    part.end = at;
    // Until a part is first laid out, its height is guessed from its lines.
    const lines = Math.ceil((part.end - part.start) / 80) + countBreaks(text, part.start, part.end);
    element.style.containIntrinsicBlockSize = `auto ${(lines * 1.7).toFixed(1)}em`;
    parts.push(part);
    partOf.set(element, part);
    textView.append(element);
    partObserver.observe(element);
    if (pendingJump !== null && element.querySelector(`.sentence[data-index="${pendingJump}"]`)) jumpTo(pendingJump);
  }
  return true;
}

/**
 * Where the piece `[from, to)` of `text` ends in the part that starts at `start`: at
 * `to`, or when that makes the part longer than PART_MAX, after its last line break
 * past PART_LENGTH, else at PART_MAX (never inside a surrogate pair).
 */
function cutAt(text, start, from, to) {
  const limit = start + PART_MAX;
  if (to <= limit) return to;
  // Looked for from the limit back to PART_LENGTH only: `lastIndexOf` would read the
  // whole text before the limit when it has no line break.
  for (let at = limit - 1; at >= Math.max(from, start + PART_LENGTH); at--) {
    if (text.charCodeAt(at) === 10) return at + 1;
  }
  const cut = safeEnd(text, limit);
  return cut > from ? cut : limit;
}

/** The number of line breaks in `text` between `start` and `end` (reading no further). */
function countBreaks(text, start, end) {
  let count = 0;
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 10) count++;
  return count;
}

/** Every highlight layer of the digest shown, each a list of spans. */
function allLayers() {
  const d = shown?.digest;
  return {
    summary: d ? d.summary.map((item) => d.sentences[item.sentence]).filter(Boolean) : [],
    issuer: d ? d.directives.flatMap((x) => (x.issuer ? [x.issuer] : [])) : [],
    cue: d ? d.directives.map((x) => x.cue) : [],
    addressee: d ? d.directives.flatMap((x) => (x.addressee ? [x.addressee] : [])) : [],
    action: d ? d.directives.flatMap((x) => x.actions) : [],
    keyword: d ? d.keywords.flatMap((k) => k.occurrences) : [],
  };
}

/** `layers` with the ones switched off in the legend emptied (kept, so that the layers stack in one order). */
function visible(layers) {
  const shownLayers = { ...layers };
  for (const box of document.querySelectorAll('.legend input')) {
    if (!box.checked) shownLayers[box.dataset.layer] = [];
  }
  return shownLayers;
}

/** Draws the highlights: over the whole text, or over the parts of a long text near the screen. */
function paint() {
  if (!shown || shown.text.length <= LONG_TEXT) {
    paintHighlights(textView, visible(allLayers()));
    return;
  }
  for (const part of parts) {
    if (part.near) drawPart(part);
    else painter.erase(part.element);
  }
}

/** Draws the highlights that start in `part` (again: drawing a part erases what it had). */
function drawPart(part) {
  const local = {};
  for (const [name, spans] of Object.entries(visible(sortedLayers))) {
    local[name] = spans.slice(firstAtOrAfter(spans, part.start), firstAtOrAfter(spans, part.end));
  }
  painter.draw(part.element, local, part.start);
}

/** The index of the first of `spans` (sorted by start) that starts at or after `offset`. */
function firstAtOrAfter(spans, offset) {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Draws the highlights of the parts coming near the screen and erases those of the parts leaving it. */
function partsMoved(entries) {
  for (const { target, isIntersecting } of entries) {
    const part = partOf.get(target);
    if (!part) continue;
    part.near = isIntersecting;
    if (isIntersecting) drawPart(part);
    else painter.erase(part.element);
  }
}

function renderSummary() {
  summaryList.replaceChildren();
  const items = shown?.digest.summary ?? [];
  $('summary-empty').hidden = items.length > 0;
  items.forEach((item, n) => {
    const sentence = shown.digest.sentences[item.sentence];
    if (!sentence) return;
    const li = document.createElement('li');
    const button = jumpButton('summary-item', clip(sentence.text));
    const why = document.createElement('span');
    why.className = 'why';
    why.id = `why-${n}`;
    why.setAttribute('role', 'tooltip');
    why.textContent = explain(item);
    button.setAttribute('aria-describedby', why.id);
    button.addEventListener('click', () => jumpTo(item.sentence));
    li.append(button, why);
    summaryList.append(li);
  });
}

/** Why a sentence was chosen: its score and the parts it is made of, largest first. */
function explain(item) {
  const parts = Object.entries(item.parts ?? {})
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .map(([name, value]) => `${PART_NAMES[name] ?? name} ${signed.format(value)}`);
  return `Vì sao chọn: điểm ${numbers.format(item.score)}${parts.length ? ' = ' + parts.join(', ') : ''}`;
}

/** The directive table: its first rows, and “Hiện thêm” for the others. */
function renderDirectives() {
  const directives = shown?.digest.directives ?? [];
  $('directives-empty').hidden = directives.length > 0;
  $('directives').hidden = directives.length === 0;
  directivePages.show(directives);
}

/** One row of the directive table. */
function directiveRow(directive) {
  const row = document.createElement('tr');
  const issuer = document.createElement('td');
  const button = jumpButton('directive-item', clip(directive.issuer?.text ?? UNNAMED));
  const hint = document.createElement('span');
  hint.className = 'visually-hidden';
  hint.textContent = `, ${directive.cue.text}: xem câu trong bài`;
  button.append(hint);
  const cue = document.createElement('span');
  cue.className = 'kind';
  cue.textContent = kindName(directive.kind);
  cue.title = cueTitle(directive);
  issuer.append(button, ' ', cue);
  const addressee = document.createElement('td');
  addressee.textContent = clip(directive.addressee?.text ?? UNNAMED);
  const actions = document.createElement('td');
  const list = document.createElement('ul');
  for (const action of directive.actions) {
    const li = document.createElement('li');
    li.textContent = clip(action.text);
    list.append(li);
  }
  actions.append(list);
  // Labels for the phone layout, where each row is a card without the header.
  issuer.dataset.label = 'Ai chỉ đạo';
  addressee.dataset.label = 'Giao cho ai';
  actions.dataset.label = 'Việc cần làm';
  row.append(issuer, addressee, actions);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    jumpTo(directive.index);
  });
  // The whole row is a target for the mouse; the button is the one for the keyboard.
  row.addEventListener('click', () => jumpTo(directive.index));
  return row;
}

function renderKeywords() {
  keywordList.replaceChildren();
  const keywords = shown?.digest.keywords ?? [];
  $('keywords-empty').hidden = keywords.length > 0;
  for (const keyword of keywords) {
    const li = document.createElement('li');
    const button = jumpButton('keyword-item', clip(keyword.text));
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = ` ×${keyword.occurrences.length}`;
    count.setAttribute('aria-label', `, ${keyword.occurrences.length} lần`);
    button.append(count);
    // Each click goes to the next occurrence.
    let next = 0;
    button.addEventListener('click', () => {
      const occurrence = keyword.occurrences[next++ % keyword.occurrences.length];
      const index = shown.digest.sentences.findIndex((s) => s.start <= occurrence.start && occurrence.end <= s.end);
      if (index >= 0) jumpTo(index);
    });
    li.append(button);
    keywordList.append(li);
  }
}

/** A button that jumps to a place in the text, labelled with `text` (as text). */
function jumpButton(kind, text) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `jump ${kind}`;
  button.textContent = text;
  return button;
}

/**
 * Scrolls sentence `index` of the text into view, focuses it and flashes it; when a
 * long text is still being built and the sentence is not there yet, as soon as it is.
 */
function jumpTo(index) {
  const element = textView.querySelector(`.sentence[data-index="${index}"]`);
  pendingJump = element || !shown ? null : index;
  if (!element) return;
  // A part far from the screen gets its highlights now rather than after the scroll.
  const part = partOf.get(element.parentElement);
  if (part && !part.near) drawPart(part);
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
  element.classList.remove('flash');
  // Restart the animation when the same sentence is chosen twice in a row.
  void element.offsetWidth;
  element.classList.add('flash');
}

function summaryText() {
  return shown.digest.summary.map((item) => shown.digest.sentences[item.sentence]?.text ?? '').join('\n');
}

async function copySummary() {
  if (!shown) return;
  const text = summaryText();
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (file://, older browsers): copy through a hidden selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  say('Đã sao chép tóm tắt.');
}

/** Summary, directives and keywords as Markdown. */
function toMarkdown() {
  const d = shown.digest;
  const cell = (text) => (text ?? '—').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const lines = ['# Tóm tắt', ''];
  for (const item of d.summary) lines.push(`- ${d.sentences[item.sentence]?.text ?? ''}`);
  lines.push('', '# Chỉ đạo', '');
  if (d.directives.length) {
    lines.push('| Ai chỉ đạo | Giao cho ai | Việc cần làm |', '| --- | --- | --- |');
    for (const x of d.directives) {
      lines.push(`| ${cell(x.issuer?.text)} | ${cell(x.addressee?.text)} | ${cell(x.actions.map((a) => a.text).join('; '))} |`);
    }
  } else {
    lines.push('Không thấy chỉ đạo nào.');
  }
  if (d.keywords.length) lines.push('', '# Từ khoá', '', d.keywords.map((k) => k.text).join(', '));
  return lines.join('\n') + '\n';
}

/** Summary, directives and keywords as JSON, with texts rather than offsets first. */
function toJson() {
  const d = shown.digest;
  const span = (s) => (s ? { text: s.text, start: s.start, end: s.end } : null);
  return JSON.stringify(
    {
      summary: d.summary.map((item) => ({ ...span(d.sentences[item.sentence]), score: item.score, parts: item.parts })),
      directives: d.directives.map((x) => ({
        sentence: span(x.sentence),
        kind: x.kind,
        issuer: span(x.issuer),
        cue: span(x.cue),
        addressee: span(x.addressee),
        actions: x.actions.map(span),
      })),
      keywords: d.keywords.map((k) => ({ text: k.text, score: k.score, occurrences: k.occurrences.length })),
    },
    null,
    2,
  );
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  say(`Đã tải ${name}.`);
}
