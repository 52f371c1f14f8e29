import { NextResponse, type NextRequest } from 'next/server';

export async function POST(request: NextRequest) {
  const cronSecret = request.headers.get('authorization');
  if (cronSecret !== `Bearer ${process.env.CRON_SECRET}`) { // expect: no-timing-unsafe-compare
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  return NextResponse.json({ ok: true });
}

export async function GET(request: NextRequest) {
  const previewToken = request.nextUrl.searchParams.get('token');
  if (previewToken === null) return NextResponse.json({ error: 'missing token' }, { status: 400 });
  if (previewToken.localeCompare(process.env.PREVIEW_TOKEN!) !== 0) { // expect: no-timing-unsafe-compare
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const mode = request.nextUrl.searchParams.get('mode');
  if (mode === 'draft') return NextResponse.redirect(new URL('/draft', request.url));
  return NextResponse.json({ ok: true });
}
