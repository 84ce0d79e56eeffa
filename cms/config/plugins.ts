type Env = ((key: string, fallback?: string) => string) & {
  int(key: string, fallback?: number): number;
  bool(key: string, fallback?: boolean): boolean;
};

export default ({ env }: { env: Env }) => ({
  ritme: {
    enabled: true,
    resolve: './src/plugins/ritme',
    config: {
      rateLimit: {
        enabled: env.bool('RITME_RATE_LIMIT', true),
        points: env.int('RITME_RATE_LIMIT_POINTS', 20),
        durationSeconds: env.int('RITME_RATE_LIMIT_WINDOW_SECONDS', 60),
      },
      previewUrl: env('PREVIEW_URL', 'http://localhost:4322'),
      ...(env('PREVIEW_SECRET', '') ? { previewSecret: env('PREVIEW_SECRET') } : {}),
    },
  },
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
