// @ts-check
// Sandbox stand-in for LinkedIn's ATSIntegrationWidget extension (C5–C7). For each bundled type in
// data-supported-bundled-integration-types it shows an id input and an "Authorize {TYPE}" button; a
// click records the integration(s) at the sandbox and calls window[data-onintegrate](tuples).
(() => {
  /** @type {any} */
  var w = window;
  var counter = 0;

  /** @param {string} tagName @param {string} className @param {string=} text */
  function el(tagName, className, text) {
    var node = document.createElement(tagName);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {HTMLElement} node @param {string} text @param {boolean} isError */
  function say(node, text, isError) {
    node.textContent = text;
    node.setAttribute("role", isError ? "alert" : "status");
    node.className = isError ? "IN-ats-message IN-ats-error" : "IN-ats-message";
  }

  /** @param {HTMLElement} container @param {string} message */
  function renderError(container, message) {
    container.replaceChildren();
    var p = el("p", "");
    say(p, message, true);
    container.appendChild(p);
  }

  /**
   * @param {Element} placeholder
   * @param {HTMLElement & { __seq?: number }} container
   * @param {{ apiKey: string | null, extensionUrl: string }} ctx
   */
  function render(placeholder, container, ctx) {
    var seq = (container.__seq || 0) + 1;
    container.__seq = seq;
    container.replaceChildren();
    var width = Number(placeholder.getAttribute("data-width"));
    if (width > 0) container.style.maxWidth = `${width}px`;
    var types = (placeholder.getAttribute("data-supported-bundled-integration-types") || "")
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t.length > 0);
    var callbackName = placeholder.getAttribute("data-onintegrate") || "";
    if (!ctx.apiKey) return renderError(container, "Invalid API key");
    if (types.length === 0) return renderError(container, "data-supported-bundled-integration-types is empty");
    if (!callbackName) return renderError(container, "data-onintegrate is missing");

    var loading = el("p", "IN-ats-message", "Loading LinkedIn integrations…");
    container.appendChild(loading);
    fetch(`${ctx.extensionUrl}/session?api_key=${encodeURIComponent(ctx.apiKey)}`, { mode: "cors" })
      .then((res) => res.json().then((body) => ({ ok: res.ok, body: body })))
      .then((answer) => {
        if (container.__seq !== seq) return;
        if (!answer.ok) return renderError(container, answer.body?.error || "Invalid API key");
        container.replaceChildren();
        container.appendChild(el("h3", "IN-ats-title", "LinkedIn integrations"));
        types.forEach((type) => {
          container.appendChild(row(type, answer.body.bundledTypes[type], callbackName, ctx));
        });
      })
      .catch((err) => {
        if (container.__seq === seq) renderError(container, `Could not reach LinkedIn: ${String(err)}`);
      });
  }

  /**
   * @param {string} type
   * @param {string | undefined} idKind
   * @param {string} callbackName
   * @param {{ apiKey: string | null, extensionUrl: string }} ctx
   */
  function row(type, idKind, callbackName, ctx) {
    var box = el("div", "IN-ats-row");
    box.setAttribute("data-bundled-type", type);
    var message = el("p", "IN-ats-message");
    if (!idKind) {
      say(message, `Unsupported integration type: ${type}`, true);
      box.appendChild(message);
      return box;
    }
    var inputId = `IN-ats-${++counter}`;
    var label = el("label", "IN-ats-label", `${idKind === "contract" ? "Contract id" : "Organization id"} for ${type}`);
    label.setAttribute("for", inputId);
    var input = /** @type {HTMLInputElement} */ (el("input", "IN-ats-input"));
    input.id = inputId;
    input.type = "text";
    input.autocomplete = "off";
    var button = /** @type {HTMLButtonElement} */ (el("button", "IN-ats-button", `Authorize ${type}`));
    button.type = "button";
    button.addEventListener("click", () => {
      var id = input.value.trim();
      if (!id) return say(message, `Enter the ${idKind} id first`, true);
      button.disabled = true;
      say(message, "Authorizing…", false);
      fetch(`${ctx.extensionUrl}/authorize`, {
        method: "POST",
        mode: "cors",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ apiKey: ctx.apiKey, bundledIntegrationType: type, id: id }),
      })
        .then((res) => res.json().then((body) => ({ ok: res.ok, body: body })))
        .then((answer) => {
          button.disabled = false;
          if (!answer.ok) return say(message, answer.body?.error || "Authorization failed", true);
          say(message, `Authorized ${type}`, false);
          var callback = w[callbackName];
          if (typeof callback !== "function") {
            say(message, `data-onintegrate names ${callbackName}, which is not a function`, true);
            return;
          }
          var tuples = answer.body.integrations.map((/** @type {any} */ t) => ({
            integrationContext: t.integrationContext,
            integrationType: t.integrationType,
            tenantType: t.tenantType,
          }));
          try {
            callback(tuples);
          } catch (err) {
            // The page's own callback failed: show it here and keep it visible in the console.
            say(message, `The page's ${callbackName} callback failed: ${String(err)}`, true);
            console.error(err);
          }
        })
        .catch((err) => {
          button.disabled = false;
          say(message, `Could not reach LinkedIn: ${String(err)}`, true);
        });
    });
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(button);
    box.appendChild(message);
    return box;
  }

  if (!w.IN?.__registerExtension) {
    console.error("onboarding-widget: load it through in.js (extensions: ATSIntegrationWidget@...)");
    return;
  }
  w.IN.__registerExtension("ATSIntegrationWidget", { render: render });
})();
