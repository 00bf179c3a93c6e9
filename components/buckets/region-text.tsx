import { isCommercialRegion, regionLabel } from '@/lib/regions';

/** "US East (Ohio) us-east-2", the code in monospace. */
export function RegionText({ code }: { code: string }) {
  const name = isCommercialRegion(code) ? regionLabel(code) : undefined;
  return (
    <span>
      {name ? <>{name} </> : null}
      <span className="font-mono whitespace-nowrap text-gray-700">{code}</span>
    </span>
  );
}
