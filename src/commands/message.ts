/**
 * The small dialog a ribbon command opens to say why it could not run. The message comes in the query
 * string; textContent keeps it text, never markup. A file of its own, because the page allows no inline script.
 */
const text = document.getElementById('text');
if (text) text.textContent = new URLSearchParams(window.location.search).get('text') || '';
