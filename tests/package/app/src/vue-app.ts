// The Vue recipe's component in an app.
import { createApp, h } from "vue";
import MedicineInfo from "./MedicineInfo.vue";

createApp({ render: () => h(MedicineInfo, { id: "examplomab" }) }).mount("#app");
