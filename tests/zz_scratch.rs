#![cfg(not(target_arch = "wasm32"))]
use drug_monograph::components::*;
use drug_monograph::tab::Tab;
use std::rc::Rc;
use yew::Callback;
#[tokio::test]
async fn scratch() {
    let text = std::fs::read_to_string("content/lenalidomide.json").unwrap();
    let v: drug_monograph::model::Value = serde_json::from_str(&text).unwrap();
    let m = drug_monograph::model::validate(&v).unwrap();
    let props = MonographViewProps {
        monograph: Rc::new(m),
        active: Tab::Dosage,
        id_prefix: "x".into(),
        heading_level: 1,
        onselect: Callback::noop(),
    };
    let html = yew::LocalServerRenderer::<MonographView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    std::fs::write("/tmp/scratch/out.html", html).unwrap();
}
