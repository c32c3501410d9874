// Elder-friendly mode (适老化), applied before the page is drawn: loaded in <head>, not deferred.
// Pages are the same for every visitor (they are cached), so the choice lives in this browser only.
try {
  if (window.localStorage.getItem("elder_mode") === "1") {
    document.documentElement.classList.add("elder");
  }
} catch (error) {
  // Storage blocked (private mode in some browsers): the normal mode stays.
}
