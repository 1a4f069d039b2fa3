"""Reading a plan's task appendix from Word or Excel into task files (`hnqt import`).

Readers (`docx`, `xlsx`) turn a document into rows of cell texts; `table` turns rows into task
drafts; `tasks` checks the drafts as `hnqt validate` would and writes or updates the files."""
