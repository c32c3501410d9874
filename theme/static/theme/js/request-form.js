// Request forms: show the 24-hour hotline prominently when an emergency category is chosen,
// and disable the submit button after the first click (the idempotency key guards retries anyway).
const form = document.querySelector("form[data-emergency-ids]");
if (form) {
    const emergency = new Set((form.dataset.emergencyIds || "").split(",").filter(Boolean));
    const banner = document.getElementById("emergency-hotline");
    const category = form.elements.namedItem("category");
    const update = () => {
        if (!banner || !category) return;
        const urgent = emergency.has(category.value);
        banner.classList.toggle("hotline-banner--active", urgent);
        if (urgent) banner.scrollIntoView({ block: "nearest" });
    };
    if (category) category.addEventListener("change", update);
    update();
    form.addEventListener("submit", () => {
        const button = form.querySelector("button[type=submit]");
        if (button) setTimeout(() => { button.disabled = true; }, 0);
    });
}
