// @ts-check
// Sandbox stand-in for https://platform.linkedin.com/xdoor/scripts/in.js (C4, C8).
// It reads the text body of its own <script> tag:
//   api_key: {customer app API key}
//   extensions: ATSIntegrationWidget@{platform}/rsc/extensions/onboarding-widget
// loads each extension's script, and renders every <script type="IN/{Extension}"> placeholder.
// CSP-safe: no eval, no inline handlers, no inline <style>; DOM built with createElement/textContent.
(() => {
  /** @type {any} */
  var w = window;

  /** @returns {HTMLScriptElement | null} */
  function ownTag() {
    var current = document.currentScript;
    if (current instanceof HTMLScriptElement) return current;
    var tags = document.querySelectorAll("script[src]");
    for (let i = tags.length - 1; i >= 0; i--) {
      const tag = tags[i];
      if (tag instanceof HTMLScriptElement && /\/xdoor\/scripts\/in\.js(\?|#|$)/.test(tag.src)) return tag;
    }
    return null;
  }

  /** @param {string} text */
  function parseConfig(text) {
    /** @type {{ apiKey: string | null, extensions: Record<string, string>, problems: string[] }} */
    var config = { apiKey: null, extensions: {}, problems: [] };
    text.split(/\r?\n/).forEach((line) => {
      var trimmed = line.trim();
      if (!trimmed) return;
      var colon = trimmed.indexOf(":");
      if (colon <= 0) {
        config.problems.push(`in.js: cannot read line "${trimmed}"`);
        return;
      }
      var name = trimmed.slice(0, colon).trim();
      var value = trimmed.slice(colon + 1).trim();
      if (name === "api_key") config.apiKey = value || null;
      else if (name === "extensions") {
        value.split(",").forEach((entry) => {
          var at = entry.indexOf("@");
          if (at <= 0) {
            config.problems.push(`in.js: extension "${entry.trim()}" must be Name@URL`);
            return;
          }
          config.extensions[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
        });
      }
    });
    if (!config.apiKey) config.problems.push("in.js: api_key is missing from the script tag's text");
    return config;
  }

  var IN = w.IN?.__sandbox ? w.IN : { __sandbox: true };
  w.IN = IN;
  /** @type {Record<string, { render: Function }>} */
  IN.__extensions = IN.__extensions || {};
  /** @type {Record<string, boolean>} */
  IN.__loading = IN.__loading || {};
  /** @type {WeakMap<Element, HTMLElement>} */
  IN.__containers = IN.__containers || new WeakMap();

  var tag = ownTag();
  var config = parseConfig(tag ? tag.text || tag.textContent || "" : "");
  config.problems.forEach((p) => {
    console.error(p);
  });
  // Each execution of in.js (an SPA may add a new tag for another customer) sets the current config.
  IN.__config = config;

  /** @param {string} name @param {{ render: Function }} extension */
  IN.__registerExtension = (name, extension) => {
    IN.__extensions[name] = extension;
    IN.parse();
  };

  /** Renders every placeholder under root (default: the document). Idempotent (C8). */
  IN.parse = (/** @type {ParentNode | undefined} */ root) => {
    var scope = root || document;
    var placeholders = scope.querySelectorAll('script[type^="IN/"]');
    for (let i = 0; i < placeholders.length; i++) {
      const placeholder = placeholders[i];
      if (!placeholder) continue;
      const name = (placeholder.getAttribute("type") || "").slice(3);
      const cfg = IN.__config;
      const url = cfg.extensions[name];
      if (!url) {
        console.error(`in.js: <script type="IN/${name}"> found but extension ${name} is not declared in the in.js tag`);
        continue;
      }
      const extension = IN.__extensions[name];
      if (!extension) {
        loadExtension(name, url);
        continue;
      }
      let container = IN.__containers.get(placeholder);
      if (!container?.isConnected) {
        container = document.createElement("div");
        container.className = `IN-widget IN-${name}`;
        placeholder.insertAdjacentElement("afterend", container);
        IN.__containers.set(placeholder, container);
      }
      extension.render(placeholder, container, { apiKey: cfg.apiKey, extensionUrl: url.replace(/\/+$/, "") });
    }
  };

  /** @param {string} name @param {string} url */
  function loadExtension(name, url) {
    if (IN.__loading[name]) return;
    IN.__loading[name] = true;
    var script = document.createElement("script");
    // ASSUMPTION (issue 22): the plugin's script is fetched for the page's API key, so the sandbox can fail it for one
    // customer application (faults.ts clientId); LinkedIn's own in.js internals are not documented.
    var key = IN.__config.apiKey;
    script.src = key ? `${url}${url.includes("?") ? "&" : "?"}api_key=${encodeURIComponent(key)}` : url;
    script.async = true;
    script.addEventListener("error", () => {
      IN.__loading[name] = false;
      console.error(`in.js: could not load extension ${name} from ${url}`);
    });
    document.head.appendChild(script);
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => {
      IN.parse();
    });
  else IN.parse();
})();
