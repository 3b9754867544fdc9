// zod's JIT off for a one-shot command, imported before the command loads any schema (the setting
// is read when a schema is built). The JIT compiles each object schema's parser with `new Function`
// on its first parse: worth it for a long-lived process that parses the same shapes again and
// again (the app, `kepu serve`), a loss for a command that parses a campaign's definition and a
// request or two once. Measured on round list: 80 ms of CPU less (440 → 360 ms median, loaded
// 2-core machine). The parse results are the same either way.
import { z } from 'zod';

z.config({ jitless: true });
