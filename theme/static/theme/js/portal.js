// Small progressive enhancements. Every page works without this file.

// Move focus to a form's error summary so keyboard and screen-reader users land on it, and put the
// number of errors in front of the page title (the first thing a screen reader reads of a page).
const summary = document.querySelector("[data-error-summary]");
if (summary) {
  if (summary.dataset.titlePrefix && !document.title.startsWith(summary.dataset.titlePrefix)) {
    document.title = `${summary.dataset.titlePrefix} ${document.title}`;
  }
  summary.focus();
}

// Stop a slow connection from sending the same form twice (a resident tapping "submit" again).
for (const form of document.querySelectorAll("form[method=post]")) {
  form.addEventListener("submit", (event) => {
    if (form.dataset.submitted) {
      event.preventDefault();
      return;
    }
    form.dataset.submitted = "1";
    for (const button of form.querySelectorAll("button[type=submit]")) {
      button.setAttribute("aria-disabled", "true");
    }
  });
}
