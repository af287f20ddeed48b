#ifndef BULLETIN_SITESWAP_H
#define BULLETIN_SITESWAP_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): after it, each name holds what the other
/// held, and no moment exists at which either is missing. Returns 0, or -1 with errno set (ENOSYS or EINVAL where
/// the kernel or the file system cannot exchange).
int bulletin_exchange(const char *from, const char *to);

/// Removes the tree at `path` (files, links and folders, depth first, never following a link). Returns 0, or -1 with
/// errno set.
int bulletin_remove_tree(const char *path);

#endif

