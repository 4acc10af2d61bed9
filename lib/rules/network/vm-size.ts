/**
 * `network/overlay-vm-size`: "You can't use DCsv2-series virtual machines in node pools. ... consider
 * using DCasv5 or DCadsv5-series confidential VMs instead" (azure-cni-overlay, Limitations). No cdktf imports.
 */
import { OVERLAY_UNSUPPORTED_VM_SIZE } from '../../facts';
import { effectiveNetwork, effectivePool, isUnknown, poolsOf } from '../../model';
import { clusterRule } from '../frame';
import { cut, modeAttribute } from '../text';

/** `network/overlay-vm-size`. */
export const overlayVmSize = clusterRule('network/overlay-vm-size', (c, r) => {
  const mode = effectiveNetwork(c).mode;
  if (isUnknown(mode)) {
    const n = r.need(c, modeAttribute(c), mode);
    return n.ok ? [] : n.stop;
  }
  if (mode !== 'overlay') return [];
  return poolsOf(c).flatMap((pool) => {
    const size = r.need(pool, 'vm_size', effectivePool(pool, c).vmSize);
    if (!size.ok) return size.stop;
    if (size.value === undefined || !OVERLAY_UNSUPPORTED_VM_SIZE.test(size.value)) return [];
    return [
      r.report(
        pool,
        `vm_size ${cut(size.value, 40)} (DCsv2-series) is not supported with Azure CNI Overlay`,
        'use a DCasv5 or DCadsv5-series confidential VM (e.g. Standard_DC4as_v5), as the overlay docs suggest, or another series',
      ),
    ];
  });
});
