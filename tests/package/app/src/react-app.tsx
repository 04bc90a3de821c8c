// The React recipe's component in an app that changes its medicine.
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { MedicineInfo } from "./MedicineInfo";

function App() {
  const [id, setId] = useState("examplomab");
  return (
    <main>
      <button type="button" onClick={() => setId("mockazole")}>
        Show Mockazole
      </button>
      <MedicineInfo id={id} />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
