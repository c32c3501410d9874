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

// The elder-friendly mode switch: hidden until this script runs, then kept in this browser.
for (const button of document.querySelectorAll("[data-elder-toggle]")) {
  const root = document.documentElement;
  const show = () => {
    const on = root.classList.contains("elder");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    const icon = button.querySelector(".switch-button__icon");
    if (icon) {
      icon.textContent = on ? "✓" : "A+";
    }
  };
  button.addEventListener("click", () => {
    const on = root.classList.toggle("elder");
    try {
      if (on) {
        window.localStorage.setItem("elder_mode", "1");
      } else {
        window.localStorage.removeItem("elder_mode");
      }
    } catch (error) {
      // Storage blocked: the mode holds on this page only.
    }
    show();
  });
  show();
  button.closest("[hidden]")?.removeAttribute("hidden");
}
