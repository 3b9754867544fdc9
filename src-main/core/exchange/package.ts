// The review package (coordinator → judge) in one import: the signed manifest's schema and member
// names, writing, opening with every safety check, and finding media by hash when the package
// travelled without them. The policies are at the top of each module.
export * from './package-manifest';
export * from './package-write';
export * from './package-open';
export * from './locate-media';
