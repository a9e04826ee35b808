/** Detects a software WebGL renderer (SwiftShader, llvmpipe), where multisampling costs the main thread dearly. */

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/**
 * True if WebGL here is rasterised on the CPU. Measured in headless Chromium (SwiftShader, 960 x 600):
 * with MSAA each frame kept the main thread busy for 90-300 ms, so a Pong waited that long and the
 * shown ping read 100-300 ms against a local server; without MSAA frames took a third of that.
 */
export function isSoftwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_RENDERERS.test(renderer);
  } catch {
    return false;
  }
}
