// What the page and the widget list, worded alike: kind names, unnamed parties, the
// cue's tooltip, long texts cut, and how many directives a list shows at a time.

/** Vietnamese names of the directive kinds. */
const KIND_NAMES = {
  require: 'yêu cầu',
  direct: 'chỉ đạo',
  request: 'đề nghị',
  assign: 'giao',
  prohibit: 'cấm',
  rule: 'quy định',
};

/** The Vietnamese name of a directive kind (the kind itself if it is a new one). */
export function kindName(kind) {
  return KIND_NAMES[kind] ?? kind;
}

/** How a directive's issuer or addressee that the text does not name is shown. */
export const UNNAMED = '(không nêu)';

/** The tooltip of a directive's kind: its cue as written. */
export function cueTitle(directive) {
  return `Từ chỉ đạo: “${directive.cue.text}”`;
}

/** Texts in the lists longer than this are cut (a sentence of a text without full stops can be megabytes). */
const LIST_TEXT_MAX = 1_000;

/** `n`, or one less where the unit before `n` opens a surrogate pair: where `text` may be cut. */
export function safeEnd(text, n) {
  return n - (/[\uD800-\uDBFF]/.test(text[n - 1]) ? 1 : 0);
}

/** `text`, cut after LIST_TEXT_MAX units with an ellipsis when longer (never inside a surrogate pair). */
export function clip(text) {
  if (text.length <= LIST_TEXT_MAX) return text;
  return `${text.slice(0, safeEnd(text, LIST_TEXT_MAX))}…`;
}

/** Directives listed at first and added by each press of “Hiện thêm”: a long text's thousands at once froze the page. */
export const ROWS_PER_PAGE = 100;

/** Numbers as Vietnamese readers write them ("1.000"), formatted by one formatter. */
const numbers = new Intl.NumberFormat('vi-VN');

/** The label of the “Hiện thêm” button when `left` directives are not listed yet. */
export function moreLabel(left) {
  return `Hiện thêm ${numbers.format(Math.min(left, ROWS_PER_PAGE))} chỉ đạo (còn ${numbers.format(left)})`;
}
