// Types of <drug-monograph>, the element the package defines when imported
// (`import "drug-monograph"`). The README's "Attributes", "Theming" and
// "Events" sections describe each member; tests check these types against
// them.

/** A tab the `tab` attribute can open. */
export type DrugMonographTab = "usage" | "dosage" | "side-effects" | "how-it-works" | "precautions" | "faqs";

/** Why loading failed (`drug-monograph-error`'s `detail.kind`). */
export type DrugMonographErrorKind =
  | "no-source"
  | "bad-src"
  | "http"
  | "network"
  | "timeout"
  | "not-json"
  | "invalid"
  | "not-found"
  | "startup"
  | "crash";

/** Where the element is, in its `data-dm-state` attribute. */
export type DrugMonographState = "loading" | "loaded" | "failed";

/** `drug-monograph-load`: a monograph is shown. */
export interface DrugMonographLoadDetail {
  /** The monograph's `id`. */
  id: string;
  /** The monograph's title. */
  title: string;
}

/** `drug-monograph-tabchange`: the user opened another tab. */
export interface DrugMonographTabChangeDetail {
  /** The tab now open. */
  tab: DrugMonographTab;
}

/** `drug-monograph-error`: loading failed. */
export interface DrugMonographErrorDetail {
  kind: DrugMonographErrorKind;
  /** The technical detail, for the web team (not for patients). */
  message: string;
}

export type DrugMonographLoadEvent = CustomEvent<DrugMonographLoadDetail>;
export type DrugMonographTabChangeEvent = CustomEvent<DrugMonographTabChangeDetail>;
export type DrugMonographErrorEvent = CustomEvent<DrugMonographErrorDetail>;

/** The events the element sends; each bubbles out of it and out of any shadow root around it. */
export interface DrugMonographEventMap {
  "drug-monograph-load": DrugMonographLoadEvent;
  "drug-monograph-tabchange": DrugMonographTabChangeEvent;
  "drug-monograph-error": DrugMonographErrorEvent;
}

/** The attributes, as written in HTML. */
export interface DrugMonographAttributes {
  /** Address of the monograph JSON, resolved against the page. Changing it loads the new monograph. */
  src?: string;
  /** The tab to open; unknown or absent values open the first tab. */
  tab?: DrugMonographTab | (string & {});
  /** Interface language, e.g. `en` or `es`; by default the nearest ancestor's `lang`. */
  lang?: string;
  /** Level of the title heading, 1 to 6 (default 1). */
  "heading-level"?: number | `${number}`;
  /** Without `src`: an RxNorm concept (RxCUI) to find the monograph by, in the catalog. */
  rxcui?: string;
  /** Without `src`: a National Drug Code, in any written form, to find the monograph by, in the catalog. */
  ndc?: string;
  /** The catalog that leads from codes to monographs; default `/content/index.json`. */
  catalog?: string;
}

/** The `<drug-monograph>` element. */
export interface DrugMonographElement extends HTMLElement {
  /** The `src` attribute as written (`""` when absent). */
  src: string;
  /** The `tab` attribute as written (`""` when absent); setting it opens that tab. */
  tab: DrugMonographTab | (string & {});
  /** The `heading-level` attribute as a number (1 when absent). */
  headingLevel: number;
  /** The `rxcui` attribute as written (`""` when absent). */
  rxcui: string;
  /** The `ndc` attribute as written (`""` when absent). */
  ndc: string;
  /** The `catalog` attribute as written (`""` when absent: the default catalog). */
  catalog: string;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: DrugMonographElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: DrugMonographElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "drug-monograph": DrugMonographElement;
  }
  // The events bubble and are composed: a listener on any ancestor, the
  // document or the window receives them.
  interface HTMLElementEventMap extends DrugMonographEventMap {}
  interface DocumentEventMap extends DrugMonographEventMap {}
  interface WindowEventMap extends DrugMonographEventMap {}
}
