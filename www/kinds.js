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

/** `text`, cut after LIST_TEXT_MAX units with an ellipsis when longer (never inside a surrogate pair). */
export function clip(text) {
  if (text.length <= LIST_TEXT_MAX) return text;
  const end = LIST_TEXT_MAX - (/[\uD800-\uDBFF]/.test(text[LIST_TEXT_MAX - 1]) ? 1 : 0);
  return `${text.slice(0, end)}…`;
}

/** Directives listed at first and added by each press of “Hiện thêm”: a long text's thousands at once froze the page. */
export const ROWS_PER_PAGE = 100;

/** The label of the “Hiện thêm” button when `left` directives are not listed yet. */
export function moreLabel(left) {
  const numbers = new Intl.NumberFormat('vi-VN');
  return `Hiện thêm ${numbers.format(Math.min(left, ROWS_PER_PAGE))} chỉ đạo (còn ${numbers.format(left)})`;
}
