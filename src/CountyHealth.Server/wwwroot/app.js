// Functions the screens call through IJSRuntime; a file of its own so that the page's Content-Security-Policy needs no inline script.
window.countyHealth = { print: () => window.print() };
