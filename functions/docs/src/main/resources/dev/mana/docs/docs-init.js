// Renders ../openapi.json (relative, so it works under any stage path such as /v1/docs).
window.ui = SwaggerUIBundle({
  url: new URL("openapi.json", window.location.href.replace(/\/docs\/?$/, "/")).href,
  dom_id: "#reference",
  deepLinking: true,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  tryItOutEnabled: false,
});
