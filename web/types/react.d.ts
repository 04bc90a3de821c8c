// <drug-monograph> in React 19's JSX (`import "drug-monograph/react"`, which
// also defines the element). React 19 sets the attributes (or the property of
// the same name), and adds a listener for each `on<event name>` prop:
//
//   <drug-monograph src={url} tab="dosage" heading-level={2}
//     ondrug-monograph-tabchange={(e) => track(e.detail.tab)} />

import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type {
  DrugMonographAttributes,
  DrugMonographElement,
  DrugMonographErrorEvent,
  DrugMonographLoadEvent,
  DrugMonographTabChangeEvent,
} from "./drug-monograph.js";

export * from "./drug-monograph.js";

/** The props of `<drug-monograph>` in JSX. */
export interface DrugMonographProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<DrugMonographElement>, DrugMonographElement>, "lang">,
    DrugMonographAttributes {
  "ondrug-monograph-load"?: (event: DrugMonographLoadEvent) => void;
  "ondrug-monograph-tabchange"?: (event: DrugMonographTabChangeEvent) => void;
  "ondrug-monograph-error"?: (event: DrugMonographErrorEvent) => void;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "drug-monograph": DrugMonographProps;
    }
  }
}
