// A page that came back with form errors: mark each field with an error invalid, point it at
// its message, and bring the first one into view with the focus on it (no inline script).
document.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll(".field-error")) {
    const control = field.querySelector("input:not([type=hidden]), select, textarea");
    const message = field.querySelector(".error[id]");
    if (!control) continue;
    control.setAttribute("aria-invalid", "true");
    if (message) control.setAttribute("aria-describedby", message.id);
  }
  const first = document.querySelector('[aria-invalid="true"]');
  if (first) {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }
  // correction forms start from the current value of the chosen field
  for (const select of document.querySelectorAll("select[data-current-into]")) {
    const target = document.getElementById(select.dataset.currentInto);
    const fill = () => {
      const option = select.selectedOptions[0];
      if (target && option && option.dataset.current !== undefined) target.value = option.dataset.current;
    };
    select.addEventListener("change", fill);
  }
});
