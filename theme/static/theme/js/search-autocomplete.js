// Suggestions under the search box: titles matching what was typed (characters, pinyin or initials).
const input = document.querySelector("[data-autocomplete-url]");
const list = document.getElementById("search-suggestions");

if (input && list) {
    let timer;
    let controller;

    const close = () => {
        list.hidden = true;
        list.replaceChildren();
        input.setAttribute("aria-expanded", "false");
    };

    const show = (results) => {
        list.replaceChildren(
            ...results.map((item) => {
                const li = document.createElement("li");
                li.setAttribute("role", "option");
                const a = document.createElement("a");
                a.href = item.url;
                a.textContent = item.title;
                li.append(a);
                return li;
            }),
        );
        list.hidden = results.length === 0;
        input.setAttribute("aria-expanded", String(results.length > 0));
    };

    input.addEventListener("input", () => {
        clearTimeout(timer);
        const q = input.value.trim();
        if (!q) {
            close();
            return;
        }
        timer = setTimeout(async () => {
            controller?.abort();
            controller = new AbortController();
            try {
                const url = `${input.dataset.autocompleteUrl}?q=${encodeURIComponent(q)}`;
                const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
                if (response.ok) show((await response.json()).results);
            } catch (error) {
                if (error.name !== "AbortError") close();
            }
        }, 200);
    });

    input.addEventListener("keydown", (event) => {
        if (event.key === "Escape") close();
        if (event.key === "ArrowDown" && !list.hidden) {
            event.preventDefault();
            list.querySelector("a")?.focus();
        }
    });
    list.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
            close();
            input.focus();
        }
    });
}
