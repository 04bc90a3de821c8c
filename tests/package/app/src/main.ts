import "drug-monograph";

const monograph = document.querySelector("drug-monograph")!;
monograph.addEventListener("drug-monograph-load", (event) => {
  document.title = `${event.detail.title} | Pharmacy`;
});
monograph.addEventListener("drug-monograph-tabchange", (event) => {
  history.replaceState(null, "", `#${event.detail.tab}`);
});
