import { redirect } from 'next/navigation';

/** A bucket opens on its objects, as in the AWS console. */
export default async function BucketPage({ params }: { params: Promise<{ bucket: string }> }) {
  const { bucket } = await params;
  redirect(`/buckets/${encodeURIComponent(bucket)}/objects`);
}
