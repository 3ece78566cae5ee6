// The demo news site's own script (what a real site's scripts would be): the section
// menu folds into a button on narrow screens. It knows nothing about the widget.

const toggle = document.querySelector('.menu-toggle');
const list = document.getElementById('menu-list');
toggle?.addEventListener('click', () => {
  const open = toggle.getAttribute('aria-expanded') !== 'true';
  toggle.setAttribute('aria-expanded', String(open));
  list.classList.toggle('open', open);
});
