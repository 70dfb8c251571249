/**
 * The CI workflows `ppp init --ci` writes: validate (with annotations on GitHub) and verify on every pull request, with
 * the whole history fetched, and the published site deployed from the main branch. Pure: text in, text out.
 */

export const CI_KINDS = ['github', 'gitlab'] as const;
export type CiKind = (typeof CI_KINDS)[number];

export interface CiFile {
  /** Relative to the top of the git work tree, forward slashes: where GitHub and GitLab look for it. */
  path: string;
  text: string;
}

/** Returns the path of a kind's workflow file, relative to the top of the work tree. */
export function ciPath(kind: CiKind): string {
  return kind === 'github' ? '.github/workflows/ppp.yml' : '.gitlab-ci.yml';
}

/**
 * Returns the workflow of a kind for a register at `registerDir` inside its repository ('' when the register is the
 * repository's top folder): each ppp command then gets -C registerDir, run from the top.
 */
export function ciWorkflow(kind: CiKind, registerDir: string): CiFile {
  const dir = registerDir.replace(/\/+$/, '');
  const at = dir ? ` -C ${shellQuote(dir)}` : '';
  return { path: ciPath(kind), text: kind === 'github' ? github(at, dir) : gitlab(at, dir) };
}

/**
 * Why the workflow never says `npx ppp`: ppp is not on the npm registry, and the npm package named "ppp" is an
 * unrelated one, which npx would download and run. The same words head both files.
 */
const WHERE_PPP_COMES_FROM = `# Where ppp comes from: ppp is not published on the npm registry, and the npm package
# that is called "ppp" is an unrelated one, so this file never runs "npx ppp" (npx would
# download and run that package). Each job builds ppp from its git repository instead and
# puts it on the PATH with npm link. Set PPP_REPOSITORY to where your copy of ppp is kept
# and PPP_REF to the tag or commit to use: a tag or commit keeps the checks the same until
# you choose to move on.`;

const MERGE_COMMITS = `# MERGE APPROVAL PULL REQUESTS WITH A MERGE COMMIT, NEVER SQUASH OR REBASE THEM. An
# approval is the signed commit that ppp approve made, and ppp verify checks that very
# commit. A squash merge or a rebase merge puts new, unsigned commits in its place: the
# approval is lost and ppp verify fails once it is merged (no-approval-commit, unsigned).`;

function github(at: string, dir: string): string {
  const site = '"$RUNNER_TEMP/site"';
  const where = dir
    ? `\n# The register is the folder ${dir} of this repository: every ppp command says -C ${dir}.`
    : '';
  const setup = `      - name: Check out the register with its whole history
        uses: actions/checkout@v6
        with:
          fetch-depth: 0 # ppp verify reads every approval commit; it refuses a shallow clone
      - name: Check out ppp
        uses: actions/checkout@v6
        with:
          repository: \${{ env.PPP_REPOSITORY }}
          ref: \${{ env.PPP_REF }}
          path: .ppp-tool
          # A private ppp repository needs a token that can read it: token: \${{ secrets.PPP_READ_TOKEN }}
      - uses: actions/setup-node@v5
        with:
          node-version: 20
      - name: Build ppp and put it on the PATH
        working-directory: .ppp-tool
        run: npm ci --no-audit --no-fund && npm run build && npm link`;
  return `# ppp: checks every pull request to the policy register, and publishes the register to
# GitHub Pages from the main branch. Written by ppp init --ci github; it is yours to change,
# and ppp init never writes over it.
#
${MERGE_COMMITS}
# In Settings -> General -> Pull Requests allow merge commits only, and leave "Require
# linear history" off in the main branch's protection (see "CI recipe" in ppp's README).
#
${WHERE_PPP_COMES_FROM}
#
# Publishing: in Settings -> Pages choose "GitHub Actions" as the source. The site is the
# approved text of each document, read from git (ppp publish).${where}

name: ppp

on:
  pull_request:
  push:
    branches: [main] # your default branch, if it is not main
  workflow_dispatch:

env:
  PPP_REPOSITORY: YOUR-ORG/ppp # TO FILL IN: owner/name of the ppp repository on GitHub
  PPP_REF: main # TO FILL IN: better a tag or commit of ppp than a branch

permissions:
  contents: read

jobs:
  check:
    name: ppp validate and verify
    runs-on: ubuntu-latest
    steps:
${setup}
      - name: ppp validate (problems appear as annotations on the pull request)
        run: ${yamlValue(`ppp validate --format github${at}`)}
      - name: ppp verify (every approval is signed, trusted and unchanged)
        run: ${yamlValue(`ppp verify${at}`)}

  publish:
    name: ppp publish to GitHub Pages
    needs: check
    if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pages: write # to deploy to Pages
      id-token: write # to prove the deployment comes from this workflow
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    concurrency:
      group: pages
      cancel-in-progress: false
    steps:
${setup}
      - id: pages
        uses: actions/configure-pages@v6
      - name: ppp publish
        # Written outside the register: ppp publish refuses a folder inside it.
        env:
          BASE_URL: \${{ steps.pages.outputs.base_url }}
        run: ${yamlValue(`ppp publish --out ${site} --base-url "$BASE_URL/"${at}`)}
      - uses: actions/upload-pages-artifact@v5
        with:
          path: \${{ runner.temp }}/site
      - id: deployment
        uses: actions/deploy-pages@v5
`;
}

function gitlab(at: string, dir: string): string {
  const where = dir
    ? `\n# The register is the folder ${dir} of this repository: every ppp command says -C ${dir}.`
    : '';
  return `# ppp: checks every merge request to the policy register, and publishes the register to
# GitLab Pages from the default branch. Written by ppp init --ci gitlab; it is yours to
# change, and ppp init never writes over it.
#
${MERGE_COMMITS}
# In Settings -> Merge requests choose the merge method "Merge commit", and set "Squash
# commits when merging" to "Do not allow" (see "CI recipe" in ppp's README).
#
${WHERE_PPP_COMES_FROM}${where}

variables:
  GIT_DEPTH: "0" # the whole history: ppp verify reads every approval commit and refuses a shallow clone
  GIT_STRATEGY: clone # a fresh clone each time, never a shallow one left from an earlier job
  PPP_REPOSITORY: https://gitlab.com/YOUR-GROUP/ppp.git # TO FILL IN: where your copy of ppp is kept
  PPP_REF: main # TO FILL IN: better a tag or commit of ppp than a branch

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH

default:
  image: node:20
  before_script:
    # A private ppp project: https://gitlab-ci-token:$CI_JOB_TOKEN@gitlab.com/YOUR-GROUP/ppp.git
    # (and allow this project in ppp's Settings -> CI/CD -> Job token permissions).
    - git clone --quiet "$PPP_REPOSITORY" /tmp/ppp-tool
    - git -C /tmp/ppp-tool checkout --quiet "$PPP_REF"
    - (cd /tmp/ppp-tool && npm ci --no-audit --no-fund && npm run build && npm link)

ppp-check:
  stage: test
  script:
    # The text report: each problem with its file, line, column and rule, in the job log.
    # (ppp validate --format json gives the same as data, for a report or an artifact.)
    - ${yamlValue(`ppp validate${at}`)}
    - ${yamlValue(`ppp verify${at}`)}

pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    # ppp publish refuses a folder inside the register, so the site is written beside it
    # and then moved to public/, the folder GitLab Pages serves.
    - ${yamlValue(`ppp publish --out /tmp/ppp-site --base-url "$CI_PAGES_URL/"${at}`)}
    - mv /tmp/ppp-site public
  artifacts:
    paths:
      - public
`;
}

/** Returns a YAML scalar for a command: plain where YAML reads it as it is, else double-quoted (JSON is YAML). */
function yamlValue(command: string): string {
  return /: | #|^[^A-Za-z(]/.test(command) ? JSON.stringify(command) : command;
}

/** Returns a word for a POSIX shell: as it is when it is plain, else in single quotes. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
