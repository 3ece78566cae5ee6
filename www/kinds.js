// Directives as the page and the widget word them: kind names, unnamed parties, the
// cue's tooltip.

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
