// The side panel (or, for tests, a tab `panel.html?tab=N`): reads the article of tab N
// through content.js, digests it here with the project's worker and wasm (the text
// never leaves the extension), and shows the summary, the directives (drawn as the
// widget draws them, by digest-view.js) and the keywords.
// A click on one highlights its sentence (a keyword: its first occurrence) in the page
// and scrolls to it. Nothing is stored; the panel asks no server for anything.

import { createDigester } from './digester.js';
import { directiveRows, h, pagedDirectives } from './digest-view.js';

/** The rule that colours the highlight content.js draws; inserted as a user stylesheet, so no page CSP applies. */
const PAGE_CSS = '::highlight(tomtat-extension-sentence) { background-color: #ffe27a; color: inherit; }';
const NOT_FOUND = 'Không tìm thấy bài viết';

const tabId = Number(new URLSearchParams(location.search).get('tab'));
const digester = createDigester();
const $ = (id) => document.getElementById(id);
let generation = 0;
/** The sentences of the digest shown, which the directives' items point into. */
let currentSentences = [];
/** The directives, a page at a time (the widget's list and “Hiện thêm” button). */
const directivePages = pagedDirectives($('directives'), (d) => h('li', {}, button(currentSentences[d.index], ...directiveRows(d))));
$('directives').after(directivePages.more);

function say(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

/** Runs `func(...args)` in the tab's isolated world; its result. */
async function inTab(func, ...args) {
  const [answer] = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  return answer?.result;
}

/** Reads the tab's article and shows its digest. */
async function analyse() {
  const current = ++generation;
  render(null);
  say('Đang đọc trang…');
  let article;
  try {
    await chrome.scripting.insertCSS({ target: { tabId }, css: PAGE_CSS });
    await chrome.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    article = await inTab(() => globalThis.tomtatExtension.read());
  } catch (error) {
    if (current === generation) say(`Không đọc được trang này: ${error.message}`, true);
    return;
  }
  if (current !== generation) return;
  if (!article?.text.trim() || article.listing) {
    say(NOT_FOUND);
    return;
  }
  say('Đang phân tích…');
  try {
    const answer = await digester.digest(article.text, { length: $('length').value });
    if (!answer || current !== generation) return;
    render(answer.digest);
    say(`Đã phân tích ${answer.digest.sentences.length} câu. Bấm một mục để xem câu đó trong bài.`);
  } catch (error) {
    if (current === generation) say(`Không phân tích được: ${error.message}`, true);
  }
}

/** Fills the three lists from `digest`, or empties them for null. */
function render(digest) {
  const sentences = digest?.sentences ?? [];
  const summary = (digest?.summary ?? []).filter((item) => sentences[item.sentence]);
  $('summary').replaceChildren(...summary.map((item) => h('li', {}, button(sentences[item.sentence], sentences[item.sentence].text))));
  const directives = (digest?.directives ?? []).filter((d) => sentences[d.index]);
  currentSentences = sentences;
  directivePages.show(directives);
  const keywords = (digest?.keywords ?? []).filter((k) => k.occurrences.length > 0);
  $('keywords').replaceChildren(...keywords.map((k) => h('li', {}, button(k.occurrences[0], k.text))));
  $('summary-section').hidden = !digest;
  $('directives-section').hidden = !digest;
  $('no-directives').hidden = !digest || directives.length > 0;
  $('keywords-section').hidden = !digest || keywords.length === 0;
}

/** An item that highlights `span` (`{ start, end }` of the text) in the page when clicked. */
function button(span, ...content) {
  const item = h('button', { type: 'button', className: 'item' }, ...content);
  item.addEventListener('click', async () => {
    for (const other of document.querySelectorAll('.item[aria-current]')) other.removeAttribute('aria-current');
    item.setAttribute('aria-current', 'true');
    const done = await inTab((start, end) => globalThis.tomtatExtension?.highlight(start, end) ?? false, span.start, span.end).catch(() => false);
    if (done) return;
    say('Bài viết trên trang đã thay đổi, đang phân tích lại…');
    analyse();
  });
  return item;
}

$('length').addEventListener('change', analyse);
chrome.runtime.onMessage.addListener((message) => {
  if (message?.type === 'tomtat-read' && message.tabId === tabId) analyse();
});
if (Number.isInteger(tabId) && tabId > 0) analyse();
else say(NOT_FOUND);
