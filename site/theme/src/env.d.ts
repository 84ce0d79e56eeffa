/// <reference types="astro/client" />

/** Set by the preview server's middleware; absent in the static production build. */
interface RitmePreviewLocals {
  session: import('./preview/session').PreviewSession;
  build: string;
  cmsOrigin: string;
  resolve(pathname: string): Promise<import('./data/pages').PageProps | null>;
}

/** Set by the render mode's middleware (render/): the pages of the renderer's last plan. */
interface RitmeRenderLocals {
  resolve(pathname: string): import('./data/pages').PageProps | import('./data/feeds').FeedProps | null;
}

declare namespace App {
  interface Locals {
    ritmePreview?: RitmePreviewLocals;
    ritmeRender?: RitmeRenderLocals;
  }
}
