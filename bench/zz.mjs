import { build } from 'esbuild';
const peers = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'zod'];
const r = await build({ entryPoints: [process.argv[2]], bundle: true, write: false, minify: true, format: 'esm', platform: 'browser', conditions: ['@mandarin-kit/source'], external: [...peers.flatMap((p) => [p, `${p}/*`]), '@mandarin-kit/*', './*', '../*'], logLevel: 'silent', charset: 'utf8' });
console.log(r.outputFiles[0].text);
