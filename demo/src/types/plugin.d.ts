// The plugin ships JavaScript only (`medusa plugin:build` emits no
// declarations); `medusa build` type-checks the demo against it.
declare module "medusa-plugin-whatsapp-commerce/workflows"
