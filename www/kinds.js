// The directive kinds of the digest as the page and the widget name them.

/** Vietnamese names of the directive kinds. */
export const KIND_NAMES = {
  require: 'yêu cầu',
  direct: 'chỉ đạo',
  request: 'đề nghị',
  assign: 'giao',
  prohibit: 'cấm',
  rule: 'quy định',
};
