// Suggestions under the search box: titles matching what was typed (characters, pinyin or initials).
// The WAI-ARIA 1.2 combobox pattern with list autocomplete: the input keeps focus; Down/Up move the
// active option (aria-activedescendant), Enter opens it, Escape closes the list, a click opens it.
const input = document.querySelector("[data-autocomplete-url]");
const list = document.getElementById("search-suggestions");
const status = document.getElementById("search-suggestions-status");

if (input && list) {
    let timer;
    let controller;
    let active = -1;
    let items = [];

    const options = () => Array.from(list.querySelectorAll("[role=option]"));

    const setActive = (index) => {
        const all = options();
        active = all.length ? (index + all.length) % all.length : -1;
        all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
        if (active >= 0) {
            input.setAttribute("aria-activedescendant", all[active].id);
            all[active].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    };

    const close = () => {
        list.hidden = true;
        list.replaceChildren();
        items = [];
        active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    };

    const announce = (count) => {
        if (!status) return;
        status.textContent = count === 0 ? "" : count === 1 ? status.dataset.one : status.dataset.many.replace("COUNT", count);
    };

    const show = (results) => {
        items = results;
        list.replaceChildren(
            ...results.map((item, index) => {
                const li = document.createElement("li");
                li.id = `search-suggestion-${index}`;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.textContent = item.title;
                li.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the input
                li.addEventListener("click", () => window.location.assign(item.url));
                return li;
            }),
        );
        active = -1;
        list.hidden = results.length === 0;
        input.setAttribute("aria-expanded", String(results.length > 0));
        input.removeAttribute("aria-activedescendant");
        announce(results.length);
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
        if (list.hidden) {
            if (event.key === "Escape" && input.value) input.value = "";
            return;
        }
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setActive(active + (event.key === "ArrowDown" ? 1 : -1));
        } else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            window.location.assign(items[active].url);
        } else if (event.key === "Escape") {
            event.preventDefault();
            close();
        }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
}
