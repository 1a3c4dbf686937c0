// The build-time QR code of the headmatter's `hostedUrl` (setup/hosted-qr.ts); null when unset.
declare module 'virtual:hosted-qr' {
  import type { HostedQr } from '../setup/hosted-qr'

  const hostedQr: HostedQr | null
  export default hostedQr
}
