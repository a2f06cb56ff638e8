// Just enough DOM to run sandbox/widget/*.js in node:vm, with no browser on the machine. It supports
// what the scripts use and nothing more; the portal's Playwright tests drive the real thing in Chromium.
import { createContext, runInContext } from "node:vm";

type Listener = () => void;

export class FakeElement {
  readonly tagName: string;
  parent: FakeElement | null = null;
  children: FakeElement[] = [];
  attributes = new Map<string, string>();
  listeners = new Map<string, Listener[]>();
  style: Record<string, string> = {};
  private ownText = "";
  className = "";
  id = "";
  value = "";
  disabled = false;
  autocomplete = "";
  async = false;

  constructor(
    tagName: string,
    private readonly doc: FakeDocument,
  ) {
    this.tagName = tagName.toUpperCase();
  }
  get type() {
    return this.attributes.get("type") ?? "";
  }
  set type(v: string) {
    this.attributes.set("type", v);
  }
  get src() {
    return this.attributes.get("src") ?? "";
  }
  set src(v: string) {
    this.attributes.set("src", v);
  }
  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join("");
  }
  set textContent(v: string) {
    this.children = [];
    this.ownText = v;
  }
  get text() {
    return this.textContent;
  }
  get isConnected(): boolean {
    return this === this.doc.documentElement || (this.parent?.isConnected ?? false);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  addEventListener(type: string, fn: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  dispatch(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  appendChild(child: FakeElement) {
    child.parent = this;
    this.children.push(child);
    if (child.tagName === "SCRIPT" && child.src) void this.doc.loadScript(child);
    return child;
  }
  replaceChildren() {
    this.children = [];
    this.ownText = "";
  }
  insertAdjacentElement(where: string, el: FakeElement) {
    if (where !== "afterend" || !this.parent) throw new Error(`fake DOM: insertAdjacentElement(${where}) unsupported`);
    el.parent = this.parent;
    this.parent.children.splice(this.parent.children.indexOf(this) + 1, 0, el);
    return el;
  }
  descendants(): FakeElement[] {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }
  querySelectorAll(selector: string): FakeElement[] {
    if (selector === 'script[type^="IN/"]')
      return this.descendants().filter((e) => e.tagName === "SCRIPT" && e.type.startsWith("IN/"));
    if (selector === "script[src]") return this.descendants().filter((e) => e.tagName === "SCRIPT" && e.src);
    throw new Error(`fake DOM: selector ${selector} unsupported`);
  }
}

export class FakeDocument {
  readonly documentElement: FakeElement;
  readonly head: FakeElement;
  readonly body: FakeElement;
  currentScript: FakeElement | null = null;
  readyState = "complete";
  readonly context: Record<string, unknown>;
  readonly errors: unknown[] = [];
  pendingLoads: Promise<void>[] = [];

  constructor(globals: Record<string, unknown>) {
    this.documentElement = new FakeElement("html", this);
    this.head = this.documentElement.appendChild(new FakeElement("head", this));
    this.body = this.documentElement.appendChild(new FakeElement("body", this));
    const HTMLScriptElement = {
      [Symbol.hasInstance]: (x: unknown) => x instanceof FakeElement && x.tagName === "SCRIPT",
    };
    this.context = createContext({
      document: this,
      fetch,
      HTMLScriptElement,
      console: { ...console, error: (...args: unknown[]) => this.errors.push(args.join(" ")) },
      ...globals,
    });
    this.context.window = this.context;
  }
  createElement(tag: string) {
    return new FakeElement(tag, this);
  }
  addEventListener() {
    // readyState is "complete": DOMContentLoaded has passed.
  }
  querySelectorAll(selector: string) {
    return this.documentElement.querySelectorAll(selector);
  }
  /** Fetches and runs a script with document.currentScript set, as a browser does. */
  loadScript(script: FakeElement): Promise<void> {
    const load = (async () => {
      const res = await fetch(script.src);
      const code = await res.text();
      this.run(code, script);
    })();
    this.pendingLoads.push(load);
    return load;
  }
  run(code: string, script: FakeElement | null) {
    this.currentScript = script;
    try {
      runInContext(code, this.context);
    } finally {
      this.currentScript = null;
    }
  }
  findButton(name: string) {
    return this.documentElement.descendants().find((e) => e.tagName === "BUTTON" && e.textContent === name);
  }
}
