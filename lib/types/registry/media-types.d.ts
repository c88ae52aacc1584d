export declare const MEDIA_TYPE_DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
export declare const MEDIA_TYPE_DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
export declare const MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST = "application/vnd.docker.distribution.manifest.v1+prettyjws";
export declare const MEDIA_TYPE_DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
export declare const MEDIA_TYPE_OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
export declare const MEDIA_TYPE_OCI_INDEX = "application/vnd.oci.image.index.v1+json";
export declare const MEDIA_TYPE_OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
export declare const MEDIA_TYPE_OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
/** The Accept header containerd sends when resolving a manifest. */
export declare const MANIFEST_ACCEPT: string;
export declare function isIndexType(mt: string): boolean;
export declare function isManifestType(mt: string): boolean;
