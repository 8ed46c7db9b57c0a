import { render } from "preact";
import { credentialsFrom } from "./api.js";
import { App } from "./app.js";
import { onFrontContext } from "./front-context.js";
import "./style.css";

const root = document.getElementById("root");
const credentials = credentialsFrom(window.location.search);
if (root) {
  render(<App credentials={credentials} view={{ kind: "waiting" }} />, root);
  onFrontContext((view) => render(<App credentials={credentials} view={view} />, root));
}
