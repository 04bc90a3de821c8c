// Shows the widget's events as a host page's analytics would receive them.
const log = document.getElementById("event-log");
for (const name of ["drug-monograph-load", "drug-monograph-tabchange", "drug-monograph-error"]) {
  document.addEventListener(name, (event) => {
    const entry = document.createElement("li");
    entry.textContent = `${event.target.id}: ${name} ${JSON.stringify(event.detail)}`;
    log.append(entry);
  });
}
