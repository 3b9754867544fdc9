// Vite's `?url` imports: the built asset's URL (the certificate font for the preview).
declare module '*?url' {
  const url: string;
  export default url;
}
