// Functions the screens call through IJSRuntime; a file of its own so that the page's Content-Security-Policy needs no inline script.
window.countyHealth = {
  print: () => window.print(),
  // Focuses the element, or the first thing inside it that takes the focus (a MudSelect's box, a MudTextField's input).
  focus: (selector) => {
    const el = document.querySelector(selector);
    if (!el) { return; }
    const focusable = 'input:not([type=hidden]):not([disabled]), button:not([disabled]), a[href], textarea, select, [tabindex]:not([tabindex="-1"])';
    const target = el.matches(focusable) ? el : el.querySelector(focusable);
    if (target) { target.focus(); if (target.select) { target.select(); } }
  },
};

// Shortcut keys of the counters: a page marks a button with data-hotkey="F4" (and shows the key on it); pressing the
// key clicks the button, unless it is disabled. Function keys only, so typing in a box never fires one by accident.
document.addEventListener('keydown', (e) => {
  if (!/^F([1-9]|1[0-2])$/.test(e.key) || e.altKey || e.ctrlKey || e.metaKey) { return; }
  const target = document.querySelector(`[data-hotkey="${e.key}"]`);
  if (!target) { return; }
  e.preventDefault();
  const button = target.matches('button, a, input') ? target : target.querySelector('button, a, input');
  if (button && !button.disabled && !button.classList.contains('mud-disabled')) {
    if (button.matches('input')) { button.focus(); button.select && button.select(); } else { button.click(); }
  }
});
